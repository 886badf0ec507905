import { z } from "zod";
import { locale } from "./locale";
import { ROLES } from "./roles";

// The answers of the account routes. They live apart from the request schemas, which need the phone-number
// metadata: the webapp's first page reads a session without loading it.
export const userSchema = z
  .object({
    id: z.guid(),
    /** E.164 */
    mobile_number: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    locale,
    /**
     * `staff` may check tickets in; `admin` also runs the platform. (Sessions a browser kept from before
     * roles were sent read as `customer` until the next /users/me.)
     */
    role: z.enum(ROLES).default("customer"),
  })
  .meta({ id: "User", description: "The signed-in customer." });
export type User = z.infer<typeof userSchema>;

export const authTokensSchema = z
  .object({
    /** Bearer token for API calls (15 minutes). */
    access: z.string(),
    /** Exchanged once at /users/refresh-token/ for a new pair, within 30 days of the login. */
    refresh: z.string(),
    user: userSchema,
  })
  .meta({ id: "AuthTokens", description: "A session: the number was verified, the customer is signed in." });
export type AuthTokens = z.infer<typeof authTokensSchema>;

export const registerResponseSchema = z
  .object({
    /** Names this register call: the code it texted is accepted only with it. */
    signup_id: z.guid(),
    mobile_number: z.string(),
  })
  .describe("A code was texted to the number.");
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const verifyOtpResponseSchema = z
  .object({
    mobile_verified: z.literal(true),
    /** The one key to finishing this signup (30 minutes, single use). Keep it in memory only. */
    signup_token: z.string(),
  })
  .describe("The number is verified; finish the signup with the signup token.");
export type VerifyOtpResponse = z.infer<typeof verifyOtpResponseSchema>;

export const loginResponseSchema = z
  .object({ otp_required: z.literal(true) })
  .describe("The password is right: a code was texted to the number.");
export type LoginResponse = z.infer<typeof loginResponseSchema>;
