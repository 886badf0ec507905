import type { Locale } from "@ticketrunners/shared";
import type { Tx } from "../../db/client";
import type { Deps } from "../../deps";
import type { OutboxDeps } from "../../notifications/outbox";
import { type EventSummary, queueRecipientMessages } from "../../notifications/recipient-messages";
import { issueRegistrationToken } from "../registration-tokens";

/** Tickets one sender gave one recipient, and whether the recipient already holds them. */
export interface GivenTickets {
  paymentId: string;
  /** What the recipient is told about together; messages and claim links are filed under it. */
  giftKey: string;
  givenAs: "purchase" | "transfer";
  /** The language the recipient is written to in. */
  locale: Locale;
  /** The name the recipient knows the sender by. */
  sender: string;
  event: EventSummary;
  recipient: { phone: string; name: string | null; email: string | null };
  /** The recipient's account when the tickets are theirs at once; null while they wait for a signup. */
  holderId: string | null;
  tickets: { id: string; ticketNumber: string; categoryName: string }[];
  /** `purchase`: told when given; `resend`: the sender asked for the link again; `reminder`: the job. */
  reason: "purchase" | "resend" | "reminder";
}

/**
 * Tells a recipient about tickets given to them, in the transaction that gave them: a holder is sent to
 * My Tickets, a waiting recipient gets a fresh single-use claim link. One SMS (and one email) per gift,
 * however many tickets; a resend or a reminder is a message of its own.
 */
export async function notifyRecipient(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: Tx,
  given: GivenTickets,
): Promise<{ claimLink?: { id: string; expiresAt: Date } }> {
  const [first] = given.tickets;
  if (!first) return {};
  const token = given.holderId
    ? undefined
    : await issueRegistrationToken(deps, tx, {
        ticketId: first.id,
        paymentId: given.paymentId,
        giftKey: given.giftKey,
        phoneNumber: given.recipient.phone,
        reason: given.reason,
      });
  await queueRecipientMessages(deps, tx, {
    locale: given.locale,
    paymentId: given.paymentId,
    firstTicketId: first.id,
    giftKey: given.giftKey,
    givenAs: given.givenAs,
    reminder: given.reason === "reminder",
    sender: given.sender,
    event: given.event,
    tickets: given.tickets,
    phone: given.recipient.phone,
    recipientName: given.recipient.name,
    email: given.recipient.email,
    claimToken: token?.raw,
    // The first message of a gift is one per gift key, however often the gift is written; later ones per link.
    dedupeKey:
      given.reason === "purchase" || !token
        ? given.giftKey.replace(/^purchase:/, "")
        : `${given.reason}:${token.row.id}`,
  });
  return token ? { claimLink: { id: token.row.id, expiresAt: token.row.expiresAt } } : {};
}
