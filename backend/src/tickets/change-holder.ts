import { randomUUID } from "node:crypto";
import {
  type Locale,
  MAX_TRANSFERS_PER_TICKET_PER_DAY,
  type ReassignResponse,
  type SentTicketView,
  type TicketView,
} from "@ticketrunners/shared";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { ticketGifts, ticketHistory, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { checkTransferCode } from "../verification/otp";
import { checkGiftNumberAllowance } from "./assignment/gift-numbers";
import { giveTickets } from "./assignment/give-tickets";
import { notifyRecipient } from "./assignment/notify-recipient";
import { findRecipientAccounts } from "./assignment/recipient-accounts";
import { checkHolderMayChange } from "./assignment/transfer-window";
import { checkDailyLimit } from "./daily-limit";
import { deliveryStatusByGift } from "./delivery-status";
import { recordHistory } from "./history";
import { revokeClaimLinksIfNothingWaits } from "./registration-tokens";
import { lockSendersWaitingGift, ticketContext } from "./sender-gift";
import { selectGiftRows, selectTicketRows, ticketNotFound, toSentTicketView, toTicketView } from "./ticket-views";

type ChangeDeps = OutboxDeps & Pick<Deps, "db" | "config" | "doorCodes">;

export interface Customer {
  id: string;
  name: string;
  mobileNumber: string;
  locale: Locale;
}

export interface NewHolder {
  /** E.164 */
  mobile_number: string;
  name?: string;
  email?: string;
  locale?: Locale;
}

/**
 * A ticket changes hands — passed on, or a waiting gift's number changed — at most
 * MAX_TRANSFERS_PER_TICKET_PER_DAY times a day: each change texts a number, and two numbers the sender
 * already reached would otherwise take any number of texts.
 */
const checkChangesOfHolderToday = (tx: Tx, ticketId: string, now: Date) =>
  checkDailyLimit(
    tx,
    {
      table: ticketHistory,
      at: ticketHistory.at,
      where: [eq(ticketHistory.ticketId, ticketId), inArray(ticketHistory.action, ["transferred", "reassigned"])],
    },
    now,
    MAX_TRANSFERS_PER_TICKET_PER_DAY,
    () =>
      new AppError(
        "LIMIT_REACHED",
        429,
        `A ticket can change hands at most ${MAX_TRANSFERS_PER_TICKET_PER_DAY} times a day.`,
        { kind: "transfers_per_ticket", limit: MAX_TRANSFERS_PER_TICKET_PER_DAY, remaining: 0 },
      ),
  );

const sameHolder = () => new AppError("SAME_HOLDER", 400, "The ticket is already for this number.");

/** The sender's view of their gift of a ticket, as the Sent tab shows it. */
async function sentView(tx: Tx, senderId: string, ticketId: string, now: Date): Promise<SentTicketView> {
  const rows = await selectGiftRows(tx, and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.senderId, senderId)));
  const row = rows.at(-1);
  if (!row) throw new Error(`no gift of ticket ${ticketId} by ${senderId}`);
  return toSentTicketView(row, now, await deliveryStatusByGift(tx, [row.gift.giftKey]));
}

async function heldView(
  deps: Pick<Deps, "doorCodes">,
  tx: Tx,
  holderId: string,
  ticketId: string,
  now: Date,
): Promise<TicketView> {
  const [row] = await selectTicketRows(tx, eq(tickets.id, ticketId));
  if (!row) throw ticketNotFound();
  return toTicketView(row, holderId, now, deps.doorCodes);
}

/** Takes a waiting gift back: the ticket is its sender's again and the recipient's link stops working. */
async function takeBack(tx: Tx, sender: Customer, gift: typeof ticketGifts.$inferSelect, now: Date) {
  await tx
    .update(tickets)
    .set({
      ownerId: sender.id,
      assignedMobile: null,
      assignedName: null,
      assignedEmail: null,
      claimedAt: null,
      holderVersion: sql`${tickets.holderVersion} + 1`,
    })
    .where(eq(tickets.id, gift.ticketId));
  await tx.update(ticketGifts).set({ status: "cancelled", cancelledAt: now }).where(eq(ticketGifts.id, gift.id));
  await recordHistory(tx, [
    { ticketId: gift.ticketId, action: "gift_cancelled", at: now, actorId: sender.id, fromMobile: gift.mobileNumber },
  ]);
  await revokeClaimLinksIfNothingWaits(tx, gift, now);
}

/** POST /users/tickets/{id}/cancel-gift/: the sender takes a waiting gift back, until the event starts. */
export async function cancelGift(deps: ChangeDeps, sender: Customer, ticketId: string): Promise<TicketView> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const { ticket, gift, event } = await lockSendersWaitingGift(tx, sender.id, ticketId);
    checkHolderMayChange(event, ticket, now, "cancel");
    await takeBack(tx, sender, gift, now);
    return heldView(deps, tx, sender.id, ticketId, now);
  });
}

/**
 * POST /users/tickets/{id}/reassign/: the sender corrects a waiting gift's number. The ticket leaves the
 * old number (whose link stops working once nothing of the gift waits for it) and waits for, or belongs
 * at once to, the new one, which is told as a gift is. To the sender's own number it is a cancel.
 */
export async function reassignGift(
  deps: ChangeDeps,
  sender: Customer,
  ticketId: string,
  to: NewHolder,
): Promise<ReassignResponse> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const { ticket, gift, event, categoryName } = await lockSendersWaitingGift(tx, sender.id, ticketId);
    checkHolderMayChange(event, ticket, now, "transfer");
    if (to.mobile_number === gift.mobileNumber) throw sameHolder();
    if (to.mobile_number === sender.mobileNumber) {
      await takeBack(tx, sender, gift, now);
      return heldView(deps, tx, sender.id, ticketId, now);
    }
    await checkChangesOfHolderToday(tx, ticket.id, now);
    await checkGiftNumberAllowance(deps, tx, sender, [to.mobile_number]);
    const account = (await findRecipientAccounts(tx, [to.mobile_number])).get(to.mobile_number);
    const holderId = account?.id ?? null;
    const giftKey = `gift:${randomUUID()}`;
    const locale = to.locale ?? gift.locale;
    await tx
      .update(ticketGifts)
      .set({
        giftKey,
        mobileNumber: to.mobile_number,
        name: to.name ?? null,
        email: to.email ?? null,
        locale,
        status: holderId ? "claimed" : "waiting",
        holderId,
        claimedAt: holderId ? now : null,
        firstMessageAt: now,
        lastMessageAt: now,
        remindersSent: 0,
        silenceReminderDone: false,
        eventReminderDone: false,
      })
      .where(eq(ticketGifts.id, gift.id));
    await tx
      .update(tickets)
      .set({
        ownerId: holderId,
        assignedMobile: to.mobile_number,
        assignedName: to.name ?? null,
        assignedEmail: to.email ?? null,
        claimedAt: holderId ? now : null,
        holderVersion: sql`${tickets.holderVersion} + 1`,
      })
      .where(eq(tickets.id, ticket.id));
    await recordHistory(tx, [
      {
        ticketId: ticket.id,
        action: "reassigned",
        at: now,
        actorId: sender.id,
        fromMobile: gift.mobileNumber,
        toMobile: to.mobile_number,
      },
    ]);
    await revokeClaimLinksIfNothingWaits(tx, gift, now);
    await notifyRecipient(deps, tx, {
      paymentId: ticket.paymentId,
      giftKey,
      givenAs: gift.givenAs,
      locale: account?.locale ?? locale,
      sender: sender.name,
      event,
      recipient: { phone: to.mobile_number, name: to.name ?? null, email: to.email ?? account?.email ?? null },
      holderId,
      tickets: [{ id: ticket.id, ticketNumber: ticket.ticketNumber, categoryName }],
      reason: "purchase",
    });
    return sentView(tx, sender.id, ticket.id, now);
  });
}

/** The ticket as its holder may pass it on: theirs, valid, and within the event's window. */
async function transferableTicket(db: DbOrTx, owner: Customer, ticketId: string, now: Date, lock: boolean) {
  const query = db.select().from(tickets).where(eq(tickets.id, ticketId));
  const [ticket] = lock ? await query.for("update") : await query;
  if (!ticket || ticket.ownerId !== owner.id) throw ticketNotFound();
  const context = await ticketContext(db, ticket);
  checkHolderMayChange(context.event, ticket, now, "transfer");
  return { ticket, ...context };
}

/**
 * POST /users/tickets/{id}/transfer/: the holder passes a ticket on, proving it is them with the code
 * texted to their number (a stolen session alone cannot give tickets away). Checked in order: theirs
 * (404), the window and locks (409), then the code (401; a refused transfer does not use it up). The
 * recipient holds it at once or it waits for them, exactly as a gift at purchase.
 */
export async function transferTicket(
  deps: ChangeDeps,
  owner: Customer,
  ticketId: string,
  to: NewHolder & { otp_code: string },
): Promise<SentTicketView> {
  const now = deps.clock.now();
  await transferableTicket(deps.db, owner, ticketId, now, false);
  await checkTransferCode(deps, { target: owner.mobileNumber, code: to.otp_code });
  return inTransaction(deps, async (tx) => {
    const { ticket, event, categoryName } = await transferableTicket(tx, owner, ticketId, now, true);
    if (to.mobile_number === owner.mobileNumber) throw sameHolder();
    await checkChangesOfHolderToday(tx, ticket.id, now);
    await checkGiftNumberAllowance(deps, tx, owner, [to.mobile_number]);
    await giveTickets(deps, tx, {
      sender: owner,
      givenAs: "transfer",
      giftKey: `gift:${randomUUID()}`,
      paymentId: ticket.paymentId,
      event,
      tickets: [{ id: ticket.id, ticketNumber: ticket.ticketNumber, categoryName }],
      recipient: {
        mobileNumber: to.mobile_number,
        name: to.name ?? null,
        email: to.email ?? null,
        locale: to.locale,
      },
    });
    return sentView(tx, owner.id, ticket.id, now);
  });
}
