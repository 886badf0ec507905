import { boolean, index, pgTable, text } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, id, instant } from "./columns";
import { payments } from "./payments";
import { tickets } from "./tickets";

/**
 * A claim link sent to a recipient without an account. Only the SHA-256 of the token is stored; the
 * raw token exists in the SMS/email (sealed in the outbox until sent) and nowhere else.
 */
export const ticketRegistrationTokens = pgTable(
  "ticket_registration_tokens",
  {
    id: id(),
    tokenHash: text("token_hash").notNull().unique(),
    ticketId: belongsTo("ticket_id", () => tickets.id),
    paymentId: belongsTo("payment_id", () => payments.id),
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
    createdAt: createdAt(),
    expiresAt: instant("expires_at").notNull(),
    used: boolean("used").notNull().default(false),
    usedAt: instant("used_at"),
    revokedAt: instant("revoked_at"),
  },
  (t) => [
    index("registration_tokens_phone_idx").on(t.phoneNumber),
    index("registration_tokens_ticket_idx").on(t.ticketId, t.createdAt),
    index("registration_tokens_gift_key_idx").on(t.giftKey),
  ],
);
