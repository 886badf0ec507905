import type { Locale } from "@ticketrunners/shared";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
};

export const customers = pgTable("customers", {
  id: uuid("id").primaryKey().defaultRandom(),
  mobileNumber: text("mobile_number").notNull().unique(),
  name: text("name").notNull(),
  email: text("email"),
  passwordHash: text("password_hash").notNull(),
  status: text("status", { enum: ["active", "banned"] })
    .notNull()
    .default("active"),
  locale: text("locale", { enum: ["en", "ar"] })
    .notNull()
    .default("en"),
  /** `staff` check tickets in at the door; `admin` also run the platform (the operator console). */
  role: text("role", { enum: ["customer", "staff", "admin"] })
    .notNull()
    .default("customer"),
  ...timestamps,
});

/** `transfer`: the owner proves it is them before passing tickets on (a stolen session cannot). */
export type OtpPurpose = "register" | "login" | "transfer";

export const otpCodes = pgTable(
  "otp_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    purpose: text("purpose", { enum: ["register", "login", "transfer"] }).notNull(),
    target: text("target").notNull(),
    codeHash: text("code_hash").notNull(),
    /** What the person typed when asking for the code (registration: name, email, locale). */
    payload: jsonb("payload").$type<{ name?: string; email?: string; locale?: Locale }>(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    /**
     * Registration only: SHA-256 of the secret handed to whoever typed the right code. Completing the
     * signup needs that secret, so knowing the number someone else verified gives nothing.
     */
    signupTokenHash: text("signup_token_hash").unique(),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("otp_codes_target_idx").on(t.target, t.purpose, t.createdAt)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    customerId: uuid("customer_id")
      .notNull()
      .references(() => customers.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** Every rotation of one login shares a family; reuse of a rotated token revokes the family. */
    familyId: uuid("family_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    rotatedAt: timestamp("rotated_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index("refresh_tokens_family_idx").on(t.familyId)],
);
