import { personName } from "@ticketrunners/shared";
import i18next, { type TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ar } from "../i18n/ar";
import { en } from "../i18n/en";
import { ApiError } from "./api/client";
import { apiErrorMessage, fieldErrorMessage } from "./error-messages";

let english: TFunction;
let arabic: TFunction;

beforeAll(async () => {
  const make = async (lng: "en" | "ar") => {
    const instance = i18next.createInstance();
    await instance.init({
      resources: { en: { translation: en }, ar: { translation: ar } },
      lng,
      fallbackLng: "en",
      interpolation: { escapeValue: false },
    });
    return instance.t;
  };
  english = await make("en");
  arabic = await make("ar");
});

/** The message a name field shows for what a person typed, checked by the shared schema itself. */
function nameError(t: TFunction, typed: string): string | undefined {
  const parsed = personName.safeParse(typed);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  return fieldErrorMessage(t, "name", { type: issue?.code ?? "custom", message: issue?.message });
}

describe("fieldErrorMessage", () => {
  it("translates each way the shared name schema refuses a name, in English and Arabic", () => {
    const cases = [
      ["Visit bit.ly/prize", "nameWebAddress"],
      ["www.example", "nameWebAddress"],
      ["mona@example.com", "nameEmail"],
      ["Call 010 1234 5678", "namePhone"],
      ["Mona\u202Eeman", "nameInvalid"],
    ] as const;
    for (const [typed, key] of cases) {
      expect(nameError(english, typed), typed).toBe(en.validation[key]);
      expect(nameError(arabic, typed), typed).toBe(ar.validation[key]);
    }
    expect(nameError(english, "Mona Adel")).toBeUndefined();
  });
});

describe("apiErrorMessage", () => {
  const limit = (status: number, details: unknown) =>
    new ApiError(status, "LIMIT_REACHED", "A limit was reached.", details);

  it("says which free-ticket limit a booking reached and how many are left", () => {
    const message = apiErrorMessage(english, limit(409, { kind: "free_tickets", limit: 4, remaining: 1 }));
    expect(message).toBe("One person can book at most 4 free tickets for this event. You can book 1 more.");
    expect(apiErrorMessage(english, limit(409, { kind: "free_tickets", limit: 4, remaining: 0 }))).toBe(
      "One person can book at most 4 free tickets for this event. You have booked that many already.",
    );
    expect(apiErrorMessage(arabic, limit(409, { kind: "free_tickets", limit: 4, remaining: 2 }))).toBe(
      "يمكن للشخص الواحد حجز 4 تذاكر مجانية على الأكثر لهذه الفعالية. يمكنك حجز تذكرتين أخريين.",
    );
  });

  it("says how many numbers gifts may reach in a day", () => {
    expect(apiErrorMessage(english, limit(429, { kind: "gift_numbers", limit: 30, remaining: 0 }))).toBe(
      "You can give tickets to at most 30 different mobile numbers in 24 hours. Keep these tickets for yourself, or give them tomorrow.",
    );
  });

  it("says how many codes a number gets a day, and when the next one can be asked for", () => {
    const error = limit(429, { kind: "codes_per_number", limit: 5, retry_after_seconds: 5 * 3600 - 60 });
    expect(apiErrorMessage(english, error)).toBe(
      "We have texted 5 codes to this number in the last 24 hours, the most we send in a day. You can ask for a new one in 5 hours.",
    );
    expect(apiErrorMessage(arabic, error)).toContain("بعد 5 ساعات");
  });

  it("falls back to a general message when it cannot tell which limit", () => {
    expect(apiErrorMessage(english, limit(429, undefined))).toBe(en.errors.LIMIT_REACHED);
    expect(apiErrorMessage(english, limit(409, { limit: 4 }))).toBe(en.errors.LIMIT_REACHED);
  });

  it("has words in both languages for every code of the sign-up and checkout changes", () => {
    const codes = [
      "SIGNUP_TOKEN_INVALID",
      "PAYMENT_REQUIRED",
      "NOTHING_TO_PAY",
      "TOO_MANY_OPEN_CHECKOUTS",
      "PAYMENT_NOT_PENDING",
    ] as const;
    for (const code of codes) {
      const error = new ApiError(409, code, "server words");
      expect(apiErrorMessage(english, error)).toBe(en.errors[code]);
      expect(apiErrorMessage(arabic, error)).toBe(ar.errors[code]);
    }
  });
});
