import { z } from "zod";
import { EMAIL_MAX_LENGTH, NAME_MAX_LENGTH, OTP_LENGTH, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./limits";
import { locale } from "./locale";
import { normalizeMobileNumber } from "./phone";
import { typeError } from "./validation";

/** A mobile number as typed, normalised to E.164 for `region`; invalid numbers fail validation. */
export const mobileNumber = (region: string) =>
  z
    .string({ error: typeError("mobile_invalid") })
    .max(32, "mobile_invalid")
    .transform((value, ctx) => {
      const e164 = normalizeMobileNumber(value, region);
      if (!e164) {
        ctx.addIssue({ code: "custom", message: "mobile_invalid" });
        return z.NEVER;
      }
      return e164;
    });

export const otpCode = z
  .string({ error: typeError("otp_format") })
  .regex(new RegExp(`^\\d{${OTP_LENGTH}}$`), "otp_format");
export const password = z
  .string({ error: typeError("password_short") })
  .min(PASSWORD_MIN_LENGTH, "password_short")
  .max(PASSWORD_MAX_LENGTH, "password_long");
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

const NAME_MAX = NAME_MAX_LENGTH;
/** A name rule; a name already too long is refused by its length, so it is not scanned as well. */
const nameRule = (pattern: RegExp) => (v: string) => v.length > NAME_MAX || !pattern.test(v);

export const personName = z
  .string({ error: typeError("name_required") })
  .trim()
  .min(1, "name_required")
  .max(NAME_MAX, "name_too_long")
  .refine(nameRule(CONTROL_OR_BIDI), "name_control")
  .refine(nameRule(EMAIL_ADDRESS), "name_email")
  .refine(nameRule(WEB_ADDRESS), "name_web_address")
  .refine(nameRule(PHONE_NUMBER), "name_phone");
export const email = z.email({ error: typeError("email_invalid") }).max(EMAIL_MAX_LENGTH, "email_too_long");
/** A language chosen in a form: refused with its own key, which the webapp words. */
const localeChoice = z.enum(locale.options, { error: typeError("locale_invalid") });
/** A secret the server handed out (signup, claim or refresh token): only its length is checked here. */
const token = z
  .string({ error: typeError("token_invalid") })
  .min(1, "token_invalid")
  .max(200, "token_invalid");

export const accountSchemas = (region: string) => {
  const mobile = mobileNumber(region);
  return {
    register: z.object({
      mobile_number: mobile,
      name: personName,
      email: email.optional(),
      locale: localeChoice.optional(),
    }),
    /** `signup_id` (from register) ties the code to that register call, so a later one cannot swap it. */
    verifyOtp: z.object({
      mobile_number: mobile,
      otp_code: otpCode,
      signup_id: z.uuid({ error: typeError("id_invalid") }).optional(),
    }),
    /** A missing or wrong `signup_token` is refused with 401 SIGNUP_TOKEN_INVALID by the server. */
    completeRegistration: z.object({
      mobile_number: mobile,
      password,
      signup_token: z
        .string({ error: typeError("token_invalid") })
        .max(200, "token_invalid")
        .optional(),
      registration_token: token.optional(),
    }),
    login: z.object({
      mobile_number: mobile,
      password: z
        .string({ error: typeError("password_required") })
        .min(1, "password_required")
        .max(PASSWORD_MAX_LENGTH, "password_long"),
    }),
    verifyLoginOtp: z.object({ mobile_number: mobile, otp_code: otpCode }),
    /** PATCH /users/me/: what a customer may change about themselves (email null removes it). */
    updateMe: z.object({
      name: personName.optional(),
      email: email.nullable().optional(),
      locale: localeChoice.optional(),
    }),
    refreshToken: z.object({ refresh: token }),
  };
};
