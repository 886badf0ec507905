import { LOCALES, NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from "@ticketrunners/shared";
import { bigserial, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, instant } from "./columns";

export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The outbox and the delivery ledger: one row per message, rendered when queued. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    subject: text("subject"),
    /** Rendered text; a secret (OTP, claim token) appears only as a placeholder here. */
    body: text("body").notNull(),
    html: text("html"),
    /** The secret the placeholder stands for, encrypted; cleared once the message is sent. */
    sealedSecret: text("sealed_secret"),
    customerId: uuid("customer_id"),
    /** The purchase and (for a recipient's messages) the first of their tickets this message is about. */
    paymentId: uuid("payment_id"),
    ticketId: uuid("ticket_id"),
    /** For a gift's recipient: the gift it is about, whose delivery status the sender sees. */
    giftKey: text("gift_key"),
    dedupeKey: text("dedupe_key").notNull().unique(),
    status: text("status", { enum: NOTIFICATION_STATUSES }).notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    nextAttemptAt: instant("next_attempt_at").notNull().defaultNow(),
    /** While `sending`: when the claiming worker's lease runs out and another may retry it. */
    leaseExpiresAt: instant("lease_expires_at"),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: createdAt(),
    sentAt: instant("sent_at"),
  },
  (t) => [
    index("notifications_due_idx").on(t.status, t.nextAttemptAt),
    index("notifications_created_idx").on(t.createdAt),
    index("notifications_payment_idx").on(t.paymentId),
    index("notifications_gift_key_idx").on(t.giftKey),
  ],
);

/** What the console SMS provider and the dev mail transport "sent": read by the dev inbox. */
export const devInboxMessages = pgTable(
  "dev_inbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    channel: text("channel", { enum: NOTIFICATION_CHANNELS }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: createdAt(),
  },
  (t) => [index("dev_inbox_created_idx").on(t.createdAt)],
);
