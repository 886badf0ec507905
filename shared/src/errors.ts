import { z } from "zod";

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
  // Operations
  "NOTIFICATION_NOT_FOUND",
  "NOT_DEAD",
  "SECRET_EXPIRED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);
