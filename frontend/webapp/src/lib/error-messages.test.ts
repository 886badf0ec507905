import { ERROR_CODES, MAX_TICKETS_PER_ITEM, MAX_TICKETS_PER_PURCHASE, personName } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ar } from "../i18n/ar";
import { en } from "../i18n/en";
import { testTranslator } from "../i18n/test-translator";
import { ApiError } from "./api/client";
import { apiErrorMessage, fieldErrorMessage } from "./error-messages";

let english: TFunction;
let arabic: TFunction;

beforeAll(async () => {
  english = await testTranslator("en");
  arabic = await testTranslator("ar");
});

/** The message a name field shows for what a person typed, checked by the shared schema itself. */
function nameError(t: TFunction, typed: string): string | undefined {
  const parsed = personName.safeParse(typed);
  if (parsed.success) return undefined;
  return fieldErrorMessage(t, { message: parsed.error.issues[0]?.message });
}

describe("fieldErrorMessage", () => {
  it("translates each way the shared name schema refuses a name by its key, in English and Arabic", () => {
    const cases = [
      ["", "name_required"],
      ["x".repeat(101), "name_too_long"],
      ["Visit bit.ly/prize", "name_web_address"],
      ["www.example", "name_web_address"],
      ["mona@example.com", "name_email"],
      ["Call 010 1234 5678", "name_phone"],
      ["Mona\u202Eeman", "name_control"],
    ] as const;
    for (const [typed, key] of cases) {
      expect(nameError(english, typed), typed).toBe(en.validation[key]);
      expect(nameError(arabic, typed), typed).toBe(ar.validation[key]);
    }
    expect(nameError(english, "Mona Adel")).toBeUndefined();
  });

  it("translates the webapp's own form-only keys", () => {
    expect(fieldErrorMessage(arabic, { message: "password_mismatch" })).toBe(ar.validation.password_mismatch);
  });

  it("states the limits a message is about from the constants the schema checks", () => {
    expect(fieldErrorMessage(english, { message: "tickets_too_many" })).toBe(
      `You can buy at most ${MAX_TICKETS_PER_PURCHASE} tickets at once.`,
    );
    expect(fieldErrorMessage(arabic, { message: "quantity_invalid" })).toBe(
      `اختر عدداً من 1 إلى ${MAX_TICKETS_PER_ITEM}`,
    );
  });

  it("says only that a field needs checking when its message is not a key, never showing the text", () => {
    expect(fieldErrorMessage(english, { message: "Too small: expected string to have >=1 characters" })).toBe(
      en.validation.invalid,
    );
    expect(fieldErrorMessage(arabic, { message: undefined })).toBe(ar.validation.invalid);
    expect(fieldErrorMessage(english, undefined)).toBeUndefined();
  });
});

describe("apiErrorMessage", () => {
  const limit = (status: number, details: Record<string, unknown> | undefined) =>
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

  it("says how often one ticket may be passed on in a day", () => {
    const error = limit(429, { kind: "transfers_per_ticket", limit: 5, remaining: 0 });
    expect(apiErrorMessage(english, error)).toBe("A ticket can go to someone else at most 5 times in 24 hours.");
    expect(apiErrorMessage(arabic, error)).toBe("يمكن نقل التذكرة إلى شخص آخر 5 مرات على الأكثر خلال 24 ساعة.");
  });

  it("falls back to a general message when it cannot tell which limit", () => {
    expect(apiErrorMessage(english, limit(429, undefined))).toBe(en.errors.LIMIT_REACHED);
    expect(apiErrorMessage(english, limit(409, { limit: 4 }))).toBe(en.errors.LIMIT_REACHED);
  });

  it("has words of its own in both languages for every code the API answers with", () => {
    for (const code of ERROR_CODES) {
      const error = new ApiError(400, code, "the server's English words");
      expect(apiErrorMessage(english, error), code).toBe(en.errors[code]);
      expect(apiErrorMessage(arabic, error), code).toBe(ar.errors[code]);
    }
  });

  it("says how long to wait when the server said, with the plural forms Arabic needs", () => {
    const wait = (seconds: number) =>
      new ApiError(429, "OTP_THROTTLED", "Please wait.", { retry_after_seconds: seconds });
    expect(apiErrorMessage(english, wait(1))).toBe("A code was just sent. You can ask for a new one in 1 second.");
    expect(apiErrorMessage(english, wait(42))).toBe("A code was just sent. You can ask for a new one in 42 seconds.");
    expect(apiErrorMessage(arabic, wait(2))).toContain("بعد ثانيتين.");
    expect(apiErrorMessage(arabic, wait(5))).toContain("بعد 5 ثوانٍ.");
    expect(apiErrorMessage(arabic, wait(42))).toContain("بعد 42 ثانية.");
    const limited = new ApiError(429, "RATE_LIMITED", "Slow down.", { retry_after_seconds: 11 });
    expect(apiErrorMessage(arabic, limited)).toBe("محاولات كثيرة جداً. يُرجى المحاولة مرة أخرى بعد 11 ثانية.");
  });

  it("says how many tries a wrong code leaves, and to ask for a new one when none are left", () => {
    const wrong = (left: unknown) =>
      new ApiError(401, "INVALID_OTP", "This code is not correct.", { attempts_left: left });
    expect(apiErrorMessage(english, wrong(4))).toBe("That code is not right. You have 4 more tries.");
    expect(apiErrorMessage(english, wrong(1))).toBe("That code is not right. You have 1 more try.");
    expect(apiErrorMessage(english, wrong(0))).toBe(
      "That code is not right, and there are no tries left. Ask for a new code.",
    );
    expect(apiErrorMessage(arabic, wrong(2))).toBe("الرمز غير صحيح. تبقّت لك محاولتان.");
    expect(apiErrorMessage(arabic, wrong(3))).toBe("الرمز غير صحيح. تبقّت لك 3 محاولات.");
    expect(apiErrorMessage(english, wrong("many"))).toBe(en.errors.INVALID_OTP);
  });

  it("names the first field a VALIDATION_ERROR refused, by its key", () => {
    const error = new ApiError(400, "VALIDATION_ERROR", "Request validation failed", [
      { field: "body.mobile_number", key: "mobile_invalid", message: "Enter a valid mobile number" },
      { field: "body.name", key: "name_phone", message: "A name cannot contain a phone number" },
    ]);
    expect(apiErrorMessage(english, error)).toBe(
      "Some details are not valid: Enter a valid mobile number. Check the form and try again.",
    );
    expect(apiErrorMessage(arabic, error)).toBe(
      "بعض البيانات غير صحيحة: أدخل رقم هاتف محمول صحيحاً. راجع النموذج وحاول مرة أخرى.",
    );
  });

  it("words the failures that have no code from the server", () => {
    expect(apiErrorMessage(english, new ApiError(0, "NETWORK_ERROR", "offline"))).toBe(en.clientErrors.NETWORK_ERROR);
    expect(apiErrorMessage(arabic, new ApiError(502, "UNEXPECTED_RESPONSE", "Bad Gateway"))).toBe(
      ar.clientErrors.UNEXPECTED_RESPONSE,
    );
    expect(apiErrorMessage(english, new TypeError("x is undefined"))).toBe(en.clientErrors.UNKNOWN);
  });
});
