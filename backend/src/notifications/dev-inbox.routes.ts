import { desc } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { devInboxMessages } from "../db/schema";
import type { Deps } from "../deps";
import { escapeHtml } from "./messages/layout.email";

async function listInbox(deps: Deps) {
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
export async function devInboxRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get("/api/dev/outbox", { schema: { hide: true } }, async () => ({ messages: await listInbox(deps) }));

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
<style>body{font-family:system-ui,sans-serif;margin:0 auto;max-width:820px;padding:16px;background:#f6f6f9;color:#1d1d28}
h1{font-size:20px}ul{list-style:none;padding:0}.msg{background:#fff;border-radius:8px;padding:12px 16px;margin:10px 0;box-shadow:0 1px 2px #0002}
.meta{display:flex;gap:8px;align-items:center;font-size:14px}.meta time{color:#777;margin-inline-start:auto}
.badge{background:#5b3df5;color:#fff;border-radius:4px;padding:1px 6px;font-size:12px}.email .badge{background:#0a7d55}
.subject{font-weight:600;margin-top:6px}pre{white-space:pre-wrap;font-family:inherit;margin:8px 0 0}</style></head>
<body><h1>Dev inbox</h1><p>Every SMS and email produced by this development server, newest first. Refreshes every 5 seconds.</p>
${messages.length ? `<ul>${items}</ul>` : "<p><em>Nothing sent yet.</em></p>"}</body></html>`;
  });
}

const linkify = (html: string) => html.replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>');
