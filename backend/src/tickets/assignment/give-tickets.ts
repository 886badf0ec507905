import type { Locale } from "@ticketrunners/shared";
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { ticketGifts, tickets } from "../../db/schema";
import type { Deps } from "../../deps";
import type { OutboxDeps } from "../../notifications/outbox";
import type { EventSummary } from "../../notifications/recipient-messages";
import { recordHistory } from "../history";
import { notifyRecipient } from "./notify-recipient";
import { findRecipientAccounts } from "./recipient-accounts";

export interface Recipient {
  /** E.164 */
  mobileNumber: string;
  name: string | null;
  email: string | null;
  /** The language to write to a recipient without an account in; default the sender's. */
  locale?: Locale;
}

export interface Gift {
  sender: { id: string; name: string; locale: Locale };
  givenAs: "purchase" | "transfer";
  /** Tickets told about together: one purchase's tickets for one number, or one transfer. */
  giftKey: string;
  paymentId: string;
  event: EventSummary;
  tickets: { id: string; ticketNumber: string; categoryName: string }[];
  recipient: Recipient;
}

/**
 * Gives tickets to a number, the one way every gift is made (a purchase, a transfer): under the
 * number's lock, a number with an account holds them at once, any other makes them wait with a claim
 * link. Points the tickets at the recipient, records the gift and its history, and tells the recipient.
 */
export async function giveTickets(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: Tx,
  gift: Gift,
): Promise<{ holderId: string | null }> {
  const now = deps.clock.now();
  const account = (await findRecipientAccounts(tx, [gift.recipient.mobileNumber])).get(gift.recipient.mobileNumber);
  const holderId = account?.id ?? null;
  const ids = gift.tickets.map((t) => t.id);
  await tx
    .update(tickets)
    .set({
      ownerId: holderId,
      assignedMobile: gift.recipient.mobileNumber,
      assignedName: gift.recipient.name,
      assignedEmail: gift.recipient.email,
      claimedAt: holderId ? now : null,
      holderVersion: sql`${tickets.holderVersion} + 1`,
    })
    .where(inArray(tickets.id, ids));
  await tx.insert(ticketGifts).values(
    ids.map((ticketId) => ({
      ticketId,
      senderId: gift.sender.id,
      givenAs: gift.givenAs,
      giftKey: gift.giftKey,
      mobileNumber: gift.recipient.mobileNumber,
      name: gift.recipient.name,
      email: gift.recipient.email,
      locale: gift.recipient.locale ?? gift.sender.locale,
      status: holderId ? ("claimed" as const) : ("waiting" as const),
      holderId,
      createdAt: now,
      claimedAt: holderId ? now : null,
      firstMessageAt: now,
      lastMessageAt: now,
    })),
  );
  await recordHistory(
    tx,
    ids.map((ticketId) => ({
      ticketId,
      action: gift.givenAs === "purchase" ? ("given" as const) : ("transferred" as const),
      at: now,
      actorId: gift.sender.id,
      toMobile: gift.recipient.mobileNumber,
    })),
  );
  await notifyRecipient(deps, tx, {
    paymentId: gift.paymentId,
    giftKey: gift.giftKey,
    givenAs: gift.givenAs,
    // An existing customer reads in their own language; a new number in the one the sender chose for them.
    locale: account?.locale ?? gift.recipient.locale ?? gift.sender.locale,
    sender: gift.sender.name,
    event: gift.event,
    // An assignment email goes only to the recipient's own address: the one given, or their account's.
    recipient: {
      phone: gift.recipient.mobileNumber,
      name: gift.recipient.name,
      email: gift.recipient.email ?? account?.email ?? null,
    },
    holderId,
    tickets: gift.tickets,
    reason: "purchase",
  });
  return { holderId };
}
