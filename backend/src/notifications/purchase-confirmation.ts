import type { Locale } from "@ticketrunners/shared";
import type { DbOrTx } from "../db/client";
import type { Deps } from "../deps";
import { purchaseConfirmationEmail } from "./messages/purchase-confirmation.email";
import { type OutboxDeps, queueMessage } from "./outbox";
import type { EventSummary } from "./recipient-messages";

export interface PurchaseConfirmation {
  paymentId: string;
  locale: Locale;
  buyer: { id: string; name: string; email: string | null };
  event: EventSummary;
  /** Every ticket of the purchase, and whom it is for (null: the buyer). */
  tickets: { ticketNumber: string; categoryName: string; forName: string | null }[];
  amountMinor: number;
  currency: string;
}

/** The buyer's confirmation email listing every ticket of the purchase; none without an address. */
export async function queuePurchaseConfirmation(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: DbOrTx,
  c: PurchaseConfirmation,
): Promise<void> {
  if (!c.buyer.email) return;
  const message = purchaseConfirmationEmail({
    locale: c.locale,
    buyerName: c.buyer.name,
    event: { ...c.event, timeZone: c.event.timezone },
    tickets: c.tickets,
    amountMinor: c.amountMinor,
    currency: c.currency,
    myTicketsUrl: `${deps.config.FRONTEND_URL}/my-tickets`,
  });
  await queueMessage(deps, tx, {
    channel: "email",
    recipient: c.buyer.email,
    template: "purchase-confirmation",
    locale: c.locale,
    subject: message.subject,
    body: message.text,
    html: message.html,
    customerId: c.buyer.id,
    paymentId: c.paymentId,
    dedupeKey: `purchase-confirmation:${c.paymentId}`,
  });
}
