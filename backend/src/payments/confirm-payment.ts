import type { PaymentStatusView } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { payments, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { applyVerdict, type SettlementDeps } from "./handle-webhook";
import type { PaymentProviders } from "./providers";
import { badSignature } from "./providers/signatures";

export const paymentNotFound = () => new AppError("PAYMENT_NOT_FOUND", 404, "This payment does not exist.");

/** A buyer's own payment, with how many tickets it has issued so far. */
export async function getPaymentStatus(
  deps: Pick<Deps, "db">,
  buyerId: string,
  paymentId: string,
): Promise<PaymentStatusView> {
  const payment = await deps.db.query.payments.findFirst({ where: eq(payments.id, paymentId) });
  // Another customer's payment looks exactly like a missing one.
  if (!payment || payment.buyerId !== buyerId) throw paymentNotFound();
  const issued = await deps.db.select({ id: tickets.id }).from(tickets).where(eq(tickets.paymentId, paymentId));
  return {
    transaction_id: payment.id,
    status: payment.status,
    amount_minor: payment.amountMinor,
    currency: payment.currency,
    event_id: payment.eventId,
    ticket_count: issued.length,
    expires_at: payment.expiresAt?.toISOString() ?? null,
  };
}

/**
 * The browser's return from the gateway. The signed redirect parameters are applied like a webhook
 * (whichever arrives first issues the tickets); without parameters it only reports the status.
 */
export async function confirmPayment(
  deps: SettlementDeps,
  providers: PaymentProviders,
  buyerId: string,
  input: { transaction_id: string; params?: Record<string, string> },
): Promise<PaymentStatusView> {
  const payment = await deps.db.query.payments.findFirst({ where: eq(payments.id, input.transaction_id) });
  if (!payment || payment.buyerId !== buyerId) throw paymentNotFound();
  if (input.params && Object.keys(input.params).length > 0) {
    const provider = providers.byName.get(payment.provider);
    if (!provider) throw badSignature();
    const verdict = provider.verifyRedirect(input.params);
    if (verdict.paymentId !== payment.id) throw badSignature();
    await inTransaction(deps, (tx) => applyVerdict(deps, tx, provider, verdict));
  }
  return getPaymentStatus(deps, buyerId, payment.id);
}
