import { bigserial, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export type NotificationChannel = "sms" | "email";
export type NotificationStatus = "queued" | "sending" | "sent" | "failed" | "dead";

/** The outbox and the delivery ledger: one row per message, rendered when queued. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    recipient: text("recipient").notNull(),
    template: text("template").notNull(),
    locale: text("locale", { enum: ["en", "ar"] })
      .notNull()
      .default("en"),
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
    status: text("status", { enum: ["queued", "sending", "sent", "failed", "dead"] })
      .notNull()
      .default("queued"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    /** While `sending`: when the claiming worker's lease runs out and another may retry it. */
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    lastError: text("last_error"),
    providerMessageId: text("provider_message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
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
    channel: text("channel", { enum: ["sms", "email"] }).notNull(),
    recipient: text("recipient").notNull(),
    subject: text("subject"),
    text: text("text").notNull(),
    html: text("html"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("dev_inbox_created_idx").on(t.createdAt)],
);
