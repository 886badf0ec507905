import { LOCALES, TICKET_HISTORY_ACTIONS } from "@ticketrunners/shared";
import { sql } from "drizzle-orm";
import { bigserial, boolean, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { tickets } from "./tickets";

/**
 * A ticket given to a number: bought for someone, or passed on by its holder. The sender manages it
 * while it waits (change the number, cancel, resend the link); once claimed it is the recipient's. A
 * sender's Sent tab lists their gifts, even after the recipient passed the ticket on again.
 */
export const ticketGifts = pgTable(
  "ticket_gifts",
  {
    id: id(),
    ticketId: belongsTo("ticket_id", () => tickets.id),
    senderId: belongsTo("sender_id", () => customers.id),
    givenAs: text("given_as", { enum: ["purchase", "transfer"] }).notNull(),
    /**
     * What the recipient is told about together: one purchase's tickets for one number, or one transfer.
     * Messages, claim links and the delivery status the sender sees are filed under it.
     */
    giftKey: text("gift_key").notNull(),
    mobileNumber: text("mobile_number").notNull(),
    name: text("name"),
    email: text("email"),
    /** The language a recipient without an account is written to in. */
    locale: text("locale", { enum: LOCALES }).notNull(),
    status: text("status", { enum: ["waiting", "claimed", "cancelled"] }).notNull(),
    /** The account that holds it since it was claimed (or at once, when the number had one). */
    holderId: uuid("holder_id").references(() => customers.id),
    createdAt: createdAt(),
    claimedAt: instant("claimed_at"),
    cancelledAt: instant("cancelled_at"),
    /** When the current number was first told; a change of number starts again. */
    firstMessageAt: instant("first_message_at").notNull(),
    lastMessageAt: instant("last_message_at").notNull(),
    remindersSent: integer("reminders_sent").notNull().default(0),
    /** The reminder after some days of silence, and the one before the event: each happens once. */
    silenceReminderDone: boolean("silence_reminder_done").notNull().default(false),
    eventReminderDone: boolean("event_reminder_done").notNull().default(false),
  },
  (t) => [
    index("ticket_gifts_ticket_idx").on(t.ticketId),
    index("ticket_gifts_sender_idx").on(t.senderId, t.createdAt),
    index("ticket_gifts_key_idx").on(t.giftKey),
    index("ticket_gifts_waiting_idx").on(t.status, t.firstMessageAt),
    // A ticket waits for one number at a time.
    uniqueIndex("ticket_gifts_one_waiting").on(t.ticketId).where(sql`${t.status} = 'waiting'`),
  ],
);

/** Everything that happened to a ticket, written in the transaction that made it happen. */
export const ticketHistory = pgTable(
  "ticket_history",
  {
    /** Also the order of entries written at the same instant (issued, then given). */
    id: bigserial("id", { mode: "number" }).primaryKey(),
    ticketId: belongsTo("ticket_id", () => tickets.id),
    at: instant("at").notNull(),
    action: text("action", { enum: TICKET_HISTORY_ACTIONS }).notNull(),
    /** The customer who did it (the sender, the claimer, the door staff); none for the reminder job. */
    actorId: uuid("actor_id").references(() => customers.id),
    /** The number the ticket went to, and the one it left. */
    toMobile: text("to_mobile"),
    fromMobile: text("from_mobile"),
  },
  (t) => [
    index("ticket_history_ticket_idx").on(t.ticketId, t.at),
    index("ticket_history_actor_idx").on(t.actorId, t.at),
  ],
);
