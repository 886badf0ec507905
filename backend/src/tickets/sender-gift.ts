import { and, desc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { events, ticketCategories, ticketGifts, tickets } from "../db/schema";
import { AppError } from "../shared/app-error";
import { ticketNotFound } from "./ticket-views";

/**
 * A ticket, under its row lock, with the caller's newest gift of it, for the sender's changes (reassign,
 * cancel, resend). Claim, reassign, cancel, transfer and resend of one ticket all take this lock first,
 * so exactly one of two racing changes wins and the other sees its result.
 */
export async function lockSendersWaitingGift(tx: Tx, senderId: string, ticketId: string) {
  const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for("update");
  if (!ticket) throw ticketNotFound();
  const [gift] = await tx
    .select()
    .from(ticketGifts)
    .where(and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.senderId, senderId)))
    .orderBy(desc(ticketGifts.createdAt))
    .limit(1);
  // Only a sender of the ticket manages it; to anyone else it does not exist. A waiting gift is the
  // ticket's current one (a ticket waits for one number at a time).
  if (!gift) throw ticketNotFound();
  if (gift.status === "claimed") throw new AppError("ALREADY_CLAIMED", 409, "This ticket was already claimed.");
  if (gift.status !== "waiting") throw new AppError("NOT_WAITING", 409, "This ticket is not waiting for anyone.");
  return { ticket, gift, ...(await ticketContext(tx, ticket)) };
}

/** The event and category name a ticket's messages describe. */
export async function ticketContext(db: DbOrTx, ticket: { eventId: string; categoryId: string }) {
  const [event] = await db.select().from(events).where(eq(events.id, ticket.eventId));
  const [category] = await db
    .select({ name: ticketCategories.name })
    .from(ticketCategories)
    .where(eq(ticketCategories.id, ticket.categoryId));
  if (!event || !category) throw new Error("a ticket lost its event or category");
  return { event, categoryName: category.name };
}
