import { readFileSync } from "node:fs";
import { type DevOutboxMessage, devOutboxResponseSchema } from "@ticketrunners/shared";
import { desc } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { devInboxMessages } from "../db/schema";
import type { Deps } from "../deps";
import { escapeHtml } from "../shared/escape-html";
import { answers } from "../shared/route-schema";

async function listInbox(deps: Pick<Deps, "db">): Promise<DevOutboxMessage[]> {
  const rows = await deps.db.select().from(devInboxMessages).orderBy(desc(devInboxMessages.id)).limit(200);
  return rows.map((m) => ({
    id: m.id,
    channel: m.channel,
    to: m.recipient,
    subject: m.subject,
    text: m.text,
    html: m.html,
    created_at: m.createdAt.toISOString(),
  }));
}

/** Development only: every SMS and email the platform produced, newest first. Never in production. */
export const devInboxRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  // A file, not a <style> block, so the page runs under a CSP without 'unsafe-inline'. It sits beside this
  // module in src/ and beside the bundle in dist/ (build.mjs copies it).
  const stylesheet = readFileSync(new URL("./dev-inbox.css", import.meta.url), "utf8");
  app.get("/dev/inbox.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").send(stylesheet),
  );

  // What the dev inbox shows, as JSON: end-to-end tests read OTPs and claim links from it.
  app.get(
    "/api/dev/outbox",
    { schema: { tags: ["development"], response: answers({ 200: devOutboxResponseSchema }) } },
    async () => ({ messages: await listInbox(deps) }),
  );

  app.get("/dev/inbox", { schema: { hide: true } }, async (_request, reply) => {
    const messages = await listInbox(deps);
    const items = messages
      .map(
        (m) => `<li class="msg ${m.channel}" data-channel="${m.channel}">
  <div class="meta"><span class="badge">${m.channel === "sms" ? "SMS" : "Email"}</span>
  <strong>${escapeHtml(m.to)}</strong> <time>${escapeHtml(m.created_at)}</time></div>
  ${m.subject ? `<div class="subject">${escapeHtml(m.subject)}</div>` : ""}
  <pre dir="auto">${linkify(escapeHtml(m.text))}</pre></li>`,
      )
      .join("\n");
    reply.type("text/html; charset=utf-8");
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dev inbox · TicketRunners</title><meta http-equiv="refresh" content="5">
<link rel="stylesheet" href="/dev/inbox.css"></head>
<body><h1>Dev inbox</h1><p>Every SMS and email produced by this development server, newest first. Refreshes every 5 seconds.</p>
${messages.length ? `<ul>${items}</ul>` : "<p><em>Nothing sent yet.</em></p>"}</body></html>`;
  });
};

const linkify = (html: string) => html.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
