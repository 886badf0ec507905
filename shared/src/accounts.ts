import { z } from "zod";
import { type Locale, locale } from "./locale";
import { normalizeMobileNumber } from "./phone";

/** A mobile number as typed, normalised to E.164 for `region`; invalid numbers fail validation. */
export const mobileNumber = (region: string) =>
  z
    .string()
    .max(32)
    .transform((value, ctx) => {
      const e164 = normalizeMobileNumber(value, region);
      if (!e164) {
        ctx.addIssue({ code: "custom", message: "Enter a valid mobile number" });
        return z.NEVER;
      }
      return e164;
    });

export const otpCode = z.string().regex(/^\d{6}$/, "The code has 6 digits");
export const password = z.string().min(8, "At least 8 characters").max(128, "At most 128 characters");
// Names are printed into our SMS: they must never carry a link, an address or a number to call.
// Every pattern is bounded so that checking a long string costs linear time (no backtracking blow-up).
// A scheme, "www.", or a label followed by a country code or a common top-level domain ("bit.ly", "x.com");
// "Dr.Ahmed" or "J.R. Smith" are still names.
const WEB_ADDRESS =
  /[a-z][a-z\d+.-]{0,30}:\/\/|\bwww\.|[\p{L}\p{N}-]\.(?:[a-z]{2}|com|net|org|info|biz|xyz|top|online|site|app|dev|link|click|shop|store|live|club|vip|pro|page|icu)(?![\p{L}\p{N}])/iu;
const EMAIL_ADDRESS = /[^\s@]{1,64}@[^\s@]/u;
// Seven digits in a row, even with spaces, dots, dashes or brackets between them: a phone number.
const PHONE_NUMBER = /(?:\p{Nd}[\s.\-()\u00a0]{0,3}){7}/u;
// Control characters, lone surrogates, line separators, and the marks that reorder text (U+202E).
const CONTROL_OR_BIDI = /[\p{Cc}\p{Cs}\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

const NAME_MAX = 100;
/** A name rule; a name already too long is refused by its length, so it is not scanned as well. */
const nameRule = (pattern: RegExp) => (v: string) => v.length > NAME_MAX || !pattern.test(v);

export const personName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(NAME_MAX)
  .refine(nameRule(CONTROL_OR_BIDI), "Contains control characters")
  .refine(nameRule(EMAIL_ADDRESS), "A name cannot contain an email address")
  .refine(nameRule(WEB_ADDRESS), "A name cannot contain a web address")
  .refine(nameRule(PHONE_NUMBER), "A name cannot contain a phone number");
export const email = z.email("Enter a valid email address").max(254);

export const accountSchemas = (region: string) => {
  const mobile = mobileNumber(region);
  return {
    register: z.object({
      mobile_number: mobile,
      name: personName,
      email: email.optional(),
      locale: locale.optional(),
    }),
    /** `signup_id` (from register) ties the code to that register call, so a later one cannot swap it. */
    verifyOtp: z.object({ mobile_number: mobile, otp_code: otpCode, signup_id: z.uuid().optional() }),
    /** A missing or wrong `signup_token` is refused with 401 SIGNUP_TOKEN_INVALID by the server. */
    completeRegistration: z.object({
      mobile_number: mobile,
      password,
      signup_token: z.string().max(200).optional(),
      registration_token: z.string().min(1).max(200).optional(),
    }),
    login: z.object({ mobile_number: mobile, password: z.string().min(1).max(128) }),
    verifyLoginOtp: z.object({ mobile_number: mobile, otp_code: otpCode }),
    refreshToken: z.object({ refresh: z.string().min(1).max(200) }),
  };
};


export interface User {
  id: string;
  mobile_number: string;
  name: string;
  email: string | null;
  locale: Locale;
}

export interface AuthTokens {
  access: string;
  refresh: string;
  user: User;
}

export interface ApiErrorBody {
  error: { code: string; message: string; details?: unknown };
}
