import { readFileSync } from "node:fs";
import { formatMoney } from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../../deps";
import { AppError } from "../../shared/app-error";
import { escapeHtml } from "../../shared/escape-html";
import { idParams } from "../../shared/route-schema";
import {
  newSandboxEventId,
  newSandboxReference,
  SANDBOX_SIGNATURE_HEADER,
  type SandboxProvider,
  type SandboxWebhookBody,
} from "./sandbox";

/**
 * The sandbox gateway's own pages: a hosted checkout with Pay and Decline. Choosing one sends a signed
 * webhook to our webhook endpoint over HTTP and redirects the browser back with signed parameters —
 * as a real gateway does, and independently of each other.
 */
export const sandboxCheckoutRoutes: FastifyPluginAsyncZod<{ deps: Deps; sandbox: SandboxProvider }> = async (
  app,
  { deps, sandbox },
) => {
  // The Pay and Decline buttons are plain HTML forms; their (empty) bodies are not read.
  app.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_request, body, done) =>
    done(null, body),
  );

  // A file, not a <style> block, so the page runs under a CSP without 'unsafe-inline'. It sits beside this
  // module in src/ and beside the bundle in dist/ (build.mjs copies it).
  const stylesheet = readFileSync(new URL("./sandbox-checkout.css", import.meta.url), "utf8");
  app.get("/payments/sandbox/checkout.css", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/css; charset=utf-8").send(stylesheet),
  );

  app.get("/payments/sandbox/checkout/:id", { schema: { hide: true, params: idParams } }, async (request, reply) => {
    const payment = await deps.db.query.payments.findFirst({ where: (p, { eq }) => eq(p.id, request.params.id) });
    reply.type("text/html; charset=utf-8");
    if (payment?.provider !== "sandbox")
      return reply.status(404).send(page("Unknown payment", "<p>No such checkout.</p>"));
    const event = await deps.db.query.events.findFirst({ where: (e, { eq }) => eq(e.id, payment.eventId) });
    const tickets = payment.items.reduce((n, i) => n + i.quantity, 0);
    const amount = formatMoney(payment.amountMinor, payment.currency, "en");
    const open = payment.status === "pending";
    return page(
      "Sandbox checkout",
      `<p class="label">Paying TicketRunners</p>
<h1 data-testid="sandbox-amount">${escapeHtml(amount)}</h1>
<p>${escapeHtml(event?.name ?? "")} · ${tickets} ticket${tickets === 1 ? "" : "s"}</p>
<div class="card">4242 4242 4242 4242 · 12/34 · 123 <span>(test card)</span></div>
${
  open
    ? `<form method="post" action="/payments/sandbox/checkout/${payment.id}/pay"><button class="pay" type="submit">Pay ${escapeHtml(amount)}</button></form>
<form method="post" action="/payments/sandbox/checkout/${payment.id}/decline"><button class="decline" type="submit">Decline</button></form>`
    : `<p>This payment is ${escapeHtml(payment.status)}.</p>`
}
<p class="note">Sandbox gateway — no real money moves.</p>`,
    );
  });

  app.post(
    "/payments/sandbox/checkout/:id/:action",
    { schema: { hide: true, params: idParams.extend({ action: z.enum(["pay", "decline"]) }) } },
    async (request, reply) => {
      const payment = await deps.db.query.payments.findFirst({ where: (p, { eq }) => eq(p.id, request.params.id) });
      if (payment?.provider !== "sandbox") throw new AppError("NOT_FOUND", 404, "No such checkout.");
      // Like a gateway whose order was closed: a cancelled, expired or settled checkout takes no payment.
      if (payment.status !== "pending") {
        return reply
          .status(409)
          .type("text/html; charset=utf-8")
          .send(page("Sandbox checkout", `<p>This payment is ${escapeHtml(payment.status)}.</p>`));
      }
      const status = request.params.action === "pay" ? "paid" : "failed";
      const reference = newSandboxReference();
      const body: SandboxWebhookBody = {
        event_id: newSandboxEventId(),
        transaction_id: payment.id,
        status,
        reference,
        amount_minor: payment.amountMinor,
        currency: payment.currency,
      };
      void deliverWebhook(deps, sandbox, JSON.stringify(body));
      const query = new URLSearchParams({
        transaction_id: payment.id,
        status,
        reference,
        signature: sandbox.signRedirect({ transaction_id: payment.id, status, reference }),
      });
      return reply.redirect(`${deps.config.FRONTEND_URL}/payments/confirmation?${query}`, 303);
    },
  );
};

/** Like a real gateway: POST the signed webhook, retrying a few times if our endpoint is unhappy. */
async function deliverWebhook(
  deps: Pick<Deps, "config" | "logger">,
  sandbox: SandboxProvider,
  body: string,
): Promise<void> {
  const url = `${deps.config.PUBLIC_API_URL}/api/v1/payments/webhook/sandbox/`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: sandbox.signWebhook(body) },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (response.ok) return;
    } catch {
      // retried below
    }
    await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
  deps.logger.warn("sandbox gateway could not deliver a webhook");
}

const page = (title: string, content: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="/payments/sandbox/checkout.css">
</head><body><main>${content}</main></body></html>`;
