import type { OpenCheckoutsResponse } from "@ticketrunners/shared";
import type { Deps } from "../deps";
import { openCheckouts } from "../purchases/purchase-limits";

/** The buyer's unpaid checkouts that still hold seats, with the page to finish paying each. */
export async function listOpenCheckouts(
  deps: Pick<Deps, "db" | "clock" | "payments">,
  buyerId: string,
): Promise<OpenCheckoutsResponse> {
  const open = await openCheckouts(deps, deps.db, buyerId);
  return {
    payments: open.map(({ payment, eventName }) => ({
      transaction_id: payment.id,
      status: payment.status,
      amount_minor: payment.amountMinor,
      currency: payment.currency,
      event_id: payment.eventId,
      event_name: eventName,
      /** Tickets in the order (none is issued before the payment). */
      ticket_count: payment.items.reduce((n, i) => n + i.quantity, 0),
      expires_at: payment.expiresAt?.toISOString() ?? null,
      checkout_url: deps.payments.byName.get(payment.provider)?.checkoutUrl(payment) ?? null,
    })),
  };
}
