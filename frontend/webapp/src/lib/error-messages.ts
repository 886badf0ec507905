import type { TFunction } from "i18next";
import type { FieldError } from "react-hook-form";
import { en, type Messages } from "../i18n/en";
import { ApiError } from "./api/client";

type ErrorCode = keyof Messages["errors"];
type ValidationKey = keyof Messages["validation"];

const isKnownCode = (code: string): code is ErrorCode => Object.hasOwn(en.errors, code);

const detailNumber = (details: unknown, key: string): number | undefined => {
  if (typeof details !== "object" || details === null || !(key in details)) return undefined;
  const value = Number((details as Record<string, unknown>)[key]);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
};

const limitKind = (details: unknown): unknown =>
  typeof details === "object" && details !== null && "kind" in details ? details.kind : undefined;

/** Says which limit was reached (the server names it in `details.kind`) and how far the person still is. */
function limitReachedMessage(t: TFunction, error: ApiError): string {
  const limit = detailNumber(error.details, "limit");
  const kind = limitKind(error.details);
  if (limit === undefined) return t("errors.LIMIT_REACHED");
  if (kind === "codes_per_number") {
    const seconds = error.retryAfterSeconds;
    const retry = seconds === undefined ? "" : ` ${t("limits.codesRetry", { count: Math.ceil(seconds / 3600) })}`;
    return `${t("limits.codes", { count: limit })}${retry}`;
  }
  if (kind !== "free_tickets" && kind !== "gift_numbers") return t("errors.LIMIT_REACHED");
  const remaining = detailNumber(error.details, "remaining");
  const [what, left] =
    kind === "free_tickets" ? ["freeTickets", "freeTicketsRemaining"] : ["giftNumbers", "giftNumbersRemaining"];
  const remainingText = remaining === undefined ? "" : ` ${t(`limits.${left}`, { count: remaining })}`;
  return `${t(`limits.${what}`, { count: limit })}${remainingText}`;
}

/** What to tell a person about a failed API call, in their language. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("errors.UNKNOWN");
  if (error.code === "LIMIT_REACHED") return limitReachedMessage(t, error);
  const seconds = error.retryAfterSeconds;
  if (seconds !== undefined && (error.code === "OTP_THROTTLED" || error.code === "RATE_LIMITED")) {
    return t(`errors.${error.code}_WAIT`, { seconds });
  }
  if (isKnownCode(error.code)) return t(`errors.${error.code}`);
  // A 4xx we have no words for: the server's own message is the most useful thing to show.
  if (error.status >= 400 && error.status < 500 && error.message) return error.message;
  return t("errors.UNKNOWN");
}

// The shared zod schemas carry English messages; these are their translations.
const sharedSchemaMessages: Record<string, ValidationKey> = {
  "Enter a valid mobile number": "mobile",
  "The code has 6 digits": "otp",
  "Enter a name": "name",
  "Contains control characters": "nameInvalid",
  "A name cannot contain a web address": "nameWebAddress",
  "A name cannot contain an email address": "nameEmail",
  "A name cannot contain a phone number": "namePhone",
  "Enter a valid email address": "email",
  "At least 8 characters": "passwordShort",
  "At most 128 characters": "passwordLong",
};

function fieldFallback(field: string, type: string): ValidationKey {
  switch (field) {
    case "mobile_number":
      return "mobile";
    case "otp_code":
      return "otp";
    case "email":
      return "email";
    case "name":
      return type === "too_big" ? "nameTooLong" : "name";
    case "password":
      return type === "too_big" ? "passwordLong" : "passwordRequired";
    case "password_confirm":
      return "passwordMismatch";
    default:
      return "invalid";
  }
}

/** A form field's validation error, in the person's language. */
export function fieldErrorMessage(t: TFunction, field: string, error: FieldError | undefined): string | undefined {
  if (!error) return undefined;
  const key = (error.message && sharedSchemaMessages[error.message]) || fieldFallback(field, error.type);
  return t(`validation.${key}`);
}
