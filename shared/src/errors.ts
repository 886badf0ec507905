import { z } from "zod";
import { openCheckoutViewSchema } from "./payments";
import { validationKeySchema } from "./validation";

/**
 * Every `error.code` the API answers with. The server's AppError takes only these, and the webapp's
 * messages are a Record over them in each language, so a new code without words fails to compile.
 */
export const ERROR_CODES = [
  // Requests the server could not read
  "VALIDATION_ERROR",
  "INVALID_JSON",
  "UNSUPPORTED_MEDIA_TYPE",
  "PAYLOAD_TOO_LARGE",
  "BAD_REQUEST",
  "NOT_FOUND",
  "RATE_LIMITED",
  "LIMIT_REACHED",
  "INTERNAL_ERROR",
  "DATABASE_UNAVAILABLE",
  // Sessions
  "UNAUTHORIZED",
  "FORBIDDEN",
  "ACCOUNT_BANNED",
  "INVALID_CREDENTIALS",
  "INVALID_REFRESH_TOKEN",
  "REFRESH_TOKEN_REUSED",
  // Sign-up and codes
  "USER_EXISTS",
  "INVALID_OTP",
  "NO_ACTIVE_OTP",
  "OTP_EXPIRED",
  "OTP_ATTEMPTS_EXCEEDED",
  "OTP_THROTTLED",
  "SIGNUP_TOKEN_INVALID",
  // Claim links
  "MISSING_TOKEN",
  "TOKEN_NOT_FOUND",
  "TOKEN_EXPIRED",
  "TOKEN_USED",
  "TOKEN_PHONE_MISMATCH",
  // Events and purchases
  "EVENT_NOT_FOUND",
  "EVENT_ENDED",
  "UNKNOWN_CATEGORY",
  "MIXED_CURRENCIES",
  "SOLD_OUT",
  "PAYMENT_REQUIRED",
  "NOTHING_TO_PAY",
  "TOO_MANY_OPEN_CHECKOUTS",
  // Payments
  "PAYMENT_NOT_FOUND",
  "PAYMENT_NOT_PENDING",
  "UNKNOWN_PROVIDER",
  "BAD_SIGNATURE",
  "AMOUNT_MISMATCH",
  // Tickets
  "TICKET_NOT_FOUND",
  "ALREADY_CLAIMED",
  "RESEND_LIMIT",
  // Changing a ticket's holder
  "TRANSFER_CLOSED",
  "TICKET_LOCKED",
  "SAME_HOLDER",
  "NOT_WAITING",
  // At the door (error.code of a refused check-in is its result in upper snake case)
  "ALREADY_USED",
  "SUPERSEDED",
  "WRONG_EVENT",
  "NOT_CLAIMED",
  "REFUNDED",
  "UNKNOWN",
  // Operating the platform
  "EVENT_IN_PAST",
  "CAPACITY_BELOW_SOLD",
  "CATEGORY_NOT_FOUND",
  "CUSTOMER_NOT_FOUND",
  "CANNOT_CHANGE_OWN_ACCOUNT",
  // Operations
  "NOTIFICATION_NOT_FOUND",
  "NOT_DEAD",
  "SECRET_EXPIRED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

/** One refused field of a `VALIDATION_ERROR`: `field` is where (`body.items.0.quantity`), `key` why. */
export const validationIssueSchema = z.object({
  field: z.string(),
  key: validationKeySchema,
  /** `VALIDATION_MESSAGES[key]`, for API users; the webapp shows its own words for the key. */
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof validationIssueSchema>;

/** `details` of a 409 TOO_MANY_OPEN_CHECKOUTS: the checkouts to pay for or cancel first. */
export const openCheckoutSummarySchema = openCheckoutViewSchema.omit({ status: true, ticket_count: true });
export type OpenCheckoutSummary = z.infer<typeof openCheckoutSummarySchema>;

export const errorResponseSchema = z
  .object({
    error: z.object({
      code: errorCodeSchema,
      /** English, for people reading the API; the webapp words each code itself. */
      message: z.string(),
      /**
       * VALIDATION_ERROR: the refused fields. Other codes may add facts as an object: `retry_after_seconds`
       * (RATE_LIMITED, LIMIT_REACHED, OTP_THROTTLED), `kind`/`limit`/`remaining` (LIMIT_REACHED), `open`
       * (TOO_MANY_OPEN_CHECKOUTS, see openCheckoutSummarySchema), `category_ids` / `category_id`.
       */
      details: z.union([z.array(validationIssueSchema), z.record(z.string(), z.unknown())]).optional(),
    }),
  })
  .meta({
    id: "ApiError",
    description: "Every error: a code from ErrorCode, an English message, and sometimes details.",
  });
export type ApiErrorBody = z.infer<typeof errorResponseSchema>;
