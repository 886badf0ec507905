import { z } from "zod";
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
export const personName = z
  .string()
  .trim()
  .min(1, "Enter a name")
  .max(100)
  .refine((v) => !/[\p{Cc}\p{Cs}]/u.test(v), "Contains control characters");
export const email = z.email("Enter a valid email address").max(254);
export const locale = z.enum(["en", "ar"]);

export const accountSchemas = (region: string) => {
  const mobile = mobileNumber(region);
  return {
    register: z.object({
      mobile_number: mobile,
      name: personName,
      email: email.optional(),
      locale: locale.optional(),
    }),
    verifyOtp: z.object({ mobile_number: mobile, otp_code: otpCode }),
    completeRegistration: z.object({
      mobile_number: mobile,
      password,
      registration_token: z.string().min(1).max(200).optional(),
    }),
    login: z.object({ mobile_number: mobile, password: z.string().min(1).max(128) }),
    verifyLoginOtp: z.object({ mobile_number: mobile, otp_code: otpCode }),
    refreshToken: z.object({ refresh: z.string().min(1).max(200) }),
  };
};

export type Locale = z.infer<typeof locale>;

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
