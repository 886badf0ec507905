import {
  MAX_ITEMS_PER_PURCHASE,
  MAX_TICKETS_PER_ITEM,
  MAX_TICKETS_PER_PURCHASE,
  type ValidationIssue,
} from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import type { FieldError } from "react-hook-form";
import { z } from "zod";
import { ApiError } from "./api/client";
import { type FieldErrorKey, isFieldErrorKey } from "./validation-keys";
import "./zod-config";

/** What a LIMIT_REACHED says in its details: which limit (`kind`), how high it is, and what is left. */
const limitDetailsSchema = z.object({
  kind: z.string().optional(),
  limit: z.int().nonnegative(),
  remaining: z.int().nonnegative().optional(),
});

/** Says which limit was reached (the server names it in `details.kind`) and how far the person still is. */
function limitReachedMessage(t: TFunction, error: ApiError): string {
  const details = limitDetailsSchema.safeParse(error.details);
  if (!details.success) return t("errors.LIMIT_REACHED");
  const { kind, limit, remaining } = details.data;
  if (kind === "codes_per_number") {
    const seconds = error.retryAfterSeconds;
    const retry = seconds === undefined ? "" : ` ${t("limits.codesRetry", { count: Math.ceil(seconds / 3600) })}`;
    return `${t("limits.codes", { count: limit })}${retry}`;
  }
  if (kind === "transfers_per_ticket") return t("limits.transfersPerTicket", { count: limit });
  if (kind !== "free_tickets" && kind !== "gift_numbers") return t("errors.LIMIT_REACHED");
  const [what, left] =
    kind === "free_tickets" ? ["freeTickets", "freeTicketsRemaining"] : ["giftNumbers", "giftNumbersRemaining"];
  const remainingText = remaining === undefined ? "" : ` ${t(`limits.${left}`, { count: remaining })}`;
  return `${t(`limits.${what}`, { count: limit })}${remainingText}`;
}

/** Tries left on a code, when a refusal (INVALID_OTP) says. */
function attemptsLeft(error: ApiError): number | undefined {
  const details = error.details;
  if (details === undefined || Array.isArray(details)) return undefined;
  const left = details.attempts_left;
  return typeof left === "number" && Number.isInteger(left) && left >= 0 ? left : undefined;
}

/** The fields a VALIDATION_ERROR refused, each with the key that says why. */
export const validationIssues = (error: ApiError): ValidationIssue[] =>
  error.code === "VALIDATION_ERROR" && Array.isArray(error.details) ? error.details : [];

/** What to tell a person about a failed API call, in their language: every code has its words. */
export function apiErrorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t("clientErrors.UNKNOWN");
  switch (error.code) {
    case "NETWORK_ERROR":
    case "UNEXPECTED_RESPONSE":
      return t(`clientErrors.${error.code}`);
    case "LIMIT_REACHED":
      return limitReachedMessage(t, error);
    case "OTP_THROTTLED":
    case "RATE_LIMITED": {
      const seconds = error.retryAfterSeconds;
      return seconds === undefined ? t(`errors.${error.code}`) : t(`errorDetails.${error.code}`, { count: seconds });
    }
    case "INVALID_OTP": {
      const left = attemptsLeft(error);
      return left === undefined ? t("errors.INVALID_OTP") : t("errorDetails.INVALID_OTP", { count: left });
    }
    case "VALIDATION_ERROR": {
      // The forms check what the server checks, so this is rare: name the first problem the server found.
      const [first] = validationIssues(error);
      return first
        ? t("errorDetails.VALIDATION_ERROR", { problem: validationMessage(t, first.key) })
        : t("errors.VALIDATION_ERROR");
    }
    default:
      return t(`errors.${error.code}`);
  }
}

/** The limits some validation messages state, from the same constants the schemas check. */
const VALIDATION_LIMITS = {
  max_per_category: MAX_TICKETS_PER_ITEM,
  max_tickets: MAX_TICKETS_PER_PURCHASE,
  max_categories: MAX_ITEMS_PER_PURCHASE,
};

/** Why a field was refused, by its key, in the person's language. */
export const validationMessage = (t: TFunction, key: FieldErrorKey): string =>
  t(`validation.${key}`, VALIDATION_LIMITS);

/**
 * A form field's validation error, in the person's language. The shared schemas (and the webapp's own
 * form checks) put a key in each issue's message; anything else is a check that forgot its key.
 */
export function fieldErrorMessage(t: TFunction, error: Pick<FieldError, "message"> | undefined): string | undefined {
  if (!error) return undefined;
  return validationMessage(t, isFieldErrorKey(error.message) ? error.message : "invalid");
}
