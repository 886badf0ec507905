import type { WebhookResult } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { payments, webhookEvents } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { isUuid } from "../shared/ids";
import type { GatewayVerdict, PaymentProvider } from "./providers/provider";
import { type Settlement, settlePayment } from "./settle-payment";

export type SettlementDeps = OutboxDeps & Pick<Deps, "db" | "config" | "logger">;

/**
 * A gateway's webhook: verified, recorded once per (provider, event id), and applied in the same
 * transaction — so a storm of copies applies it exactly once. Messages are only queued here; the
 * worker sends them, so the gateway never waits on SMS or SMTP.
 */
export async function handlePaymentWebhook(
  deps: SettlementDeps & Pick<Deps, "metrics">,
  provider: PaymentProvider,
  rawBody: string,
  headers: Record<string, string | string[] | undefined>,
): Promise<WebhookResult> {
  let verdict: GatewayVerdict;
  try {
    verdict = provider.verifyWebhook(rawBody, headers);
  } catch (err) {
    deps.metrics.webhooks.inc({ provider: provider.name, outcome: "bad_signature" });
    throw err;
  }
  const result = await inTransaction(deps, async (tx) => {
    const [recorded] = await tx
      .insert(webhookEvents)
      .values({
        provider: provider.name,
        eventId: verdict.eventId,
        paymentId: isUuid(verdict.paymentId) ? verdict.paymentId : null,
        outcome: verdict.status,
        receivedAt: deps.clock.now(),
      })
      .onConflictDoNothing()
      .returning({ id: webhookEvents.id });
    if (!recorded) return { received: true as const, duplicate: true, outcome: "duplicate" };
    const settlement = await applyVerdict(deps, tx, provider, verdict);
    return { received: true as const, duplicate: false, outcome: settlement?.status ?? "ignored" };
  });
  deps.metrics.webhooks.inc({ provider: provider.name, outcome: result.outcome });
  return result;
}

/** Applies a verified verdict to its payment; a verdict for an unknown payment or amount changes nothing. */
export async function applyVerdict(
  deps: SettlementDeps,
  tx: Tx,
  provider: PaymentProvider,
  verdict: Omit<GatewayVerdict, "eventId">,
): Promise<Settlement | undefined> {
  if (!isUuid(verdict.paymentId)) return undefined;
  // Locked, so the verdicts for one payment (a webhook, its copies, the redirect) settle one after another.
  const [payment] = await tx.select().from(payments).where(eq(payments.id, verdict.paymentId)).for("update");
  if (!payment || payment.provider !== provider.name) return undefined;
  const amountMatches =
    (verdict.amountMinor === undefined || verdict.amountMinor === payment.amountMinor) &&
    (verdict.currency === undefined || verdict.currency === payment.currency);
  if (!amountMatches) {
    deps.logger.warn({ paymentId: payment.id, provider: provider.name }, "gateway amount does not match the payment");
    throw new AppError("AMOUNT_MISMATCH", 400, "The amount does not match this payment.");
  }
  return settlePayment(deps, tx, payment, { status: verdict.status, providerReference: verdict.providerReference });
}
