import { boolean, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { payments } from "./payments";
import { tickets } from "./tickets";

/**
 * A claim link sent to a recipient without an account. Only the SHA-256 of the token is stored; the
 * raw token exists in the SMS/email (sealed in the outbox until sent) and nowhere else.
 */
export const ticketRegistrationTokens = pgTable(
  "ticket_registration_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    ticketId: uuid("ticket_id")
      .notNull()
      .references(() => tickets.id),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    phoneNumber: text("phone_number").notNull(),
    /** The gift the link claims: every ticket waiting under this key for the number (see ticket_gifts). */
    giftKey: text("gift_key"),
    /**
     * `purchase`: sent with the gift (at purchase, transfer or reassignment); `resend`: the sender asked
     * for it again; `reminder`: sent by the reminder job.
     */
    reason: text("reason", { enum: ["purchase", "resend", "reminder"] })
      .notNull()
      .default("purchase"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    used: boolean("used").notNull().default(false),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    index("registration_tokens_phone_idx").on(t.phoneNumber),
    index("registration_tokens_ticket_idx").on(t.ticketId, t.createdAt),
    index("registration_tokens_gift_key_idx").on(t.giftKey),
  ],
);
