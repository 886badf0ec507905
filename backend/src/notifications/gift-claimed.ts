import type { Locale } from "@ticketrunners/shared";
import type { DbOrTx } from "../db/client";
import type { Deps } from "../deps";
import { giftClaimedEmail } from "./messages/gift-claimed.email";
import { type OutboxDeps, queueMessage } from "./outbox";
import type { EventSummary } from "./recipient-messages";

export interface GiftClaimed {
  sender: { id: string; email: string; locale: Locale };
  /** The name of the account that now holds the tickets. */
  recipientName: string;
  event: EventSummary;
  tickets: { ticketNumber: string; categoryName: string }[];
  giftKey: string;
}

/** Tells a sender that the tickets they gave were claimed: "{name} now has your ticket to {event}". */
export async function queueGiftClaimedEmail(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: DbOrTx,
  c: GiftClaimed,
): Promise<void> {
  const message = giftClaimedEmail({
    locale: c.sender.locale,
    recipientName: c.recipientName,
    event: { ...c.event, timeZone: c.event.timezone },
    tickets: c.tickets,
    sentTicketsUrl: `${deps.config.FRONTEND_URL}/my-tickets?tab=sent`,
  });
  await queueMessage(deps, tx, {
    channel: "email",
    recipient: c.sender.email,
    template: "gift-claimed",
    locale: c.sender.locale,
    subject: message.subject,
    body: message.text,
    html: message.html,
    customerId: c.sender.id,
    dedupeKey: `gift-claimed:${c.giftKey}`,
  });
}
