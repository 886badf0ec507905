import { CUSTOMER_STATUSES, LOCALES, type Locale, ROLES } from "@ticketrunners/shared";
import { index, integer, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, id, instant } from "./columns";

export const customers = pgTable("customers", {
  id: id(),
  mobileNumber: text("mobile_number").notNull().unique(),
  name: text("name").notNull(),
  email: text("email"),
  passwordHash: text("password_hash").notNull(),
  status: text("status", { enum: CUSTOMER_STATUSES }).notNull().default("active"),
  locale: text("locale", { enum: LOCALES }).notNull().default("en"),
  /** `staff` check tickets in at the door; `admin` also run the platform (the operator console). */
  role: text("role", { enum: ROLES }).notNull().default("customer"),
  createdAt: createdAt(),
});

/** `transfer`: the owner proves it is them before passing tickets on (a stolen session cannot). */
export type OtpPurpose = "register" | "login" | "transfer";

export const otpCodes = pgTable(
  "otp_codes",
  {
    id: id(),
    purpose: text("purpose", { enum: ["register", "login", "transfer"] }).notNull(),
    target: text("target").notNull(),
    codeHash: text("code_hash").notNull(),
    /** What the person typed when asking for the code (registration: name, email, locale). */
    payload: jsonb("payload").$type<{ name?: string; email?: string; locale?: Locale }>(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: instant("expires_at").notNull(),
    verifiedAt: instant("verified_at"),
    /**
     * Registration only: SHA-256 of the secret handed to whoever typed the right code. Completing the
     * signup needs that secret, so knowing the number someone else verified gives nothing.
     */
    signupTokenHash: text("signup_token_hash").unique(),
    consumedAt: instant("consumed_at"),
    createdAt: createdAt(),
  },
  (t) => [index("otp_codes_target_idx").on(t.target, t.purpose, t.createdAt)],
);

export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: id(),
    customerId: belongsTo("customer_id", () => customers.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    /** Every rotation of one login shares a family; reuse of a rotated token revokes the family. */
    familyId: uuid("family_id").notNull(),
    expiresAt: instant("expires_at").notNull(),
    rotatedAt: instant("rotated_at"),
    revokedAt: instant("revoked_at"),
    createdAt: createdAt(),
  },
  (t) => [index("refresh_tokens_family_idx").on(t.familyId)],
);
