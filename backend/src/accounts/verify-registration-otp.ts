import type { VerifyOtpResponse } from "@ticketrunners/shared";
import type { Deps } from "../deps";
import { checkOtp, newSignupToken } from "../verification/otp";

/**
 * Step 2 of sign-up: the person proves they hold the number and receives the signup token, the only
 * key to finishing this signup. Anyone else who knows the number holds nothing.
 */
export async function verifyRegistrationOtp(
  deps: Pick<Deps, "db" | "clock" | "config">,
  input: { mobile_number: string; otp_code: string; signup_id?: string },
): Promise<VerifyOtpResponse> {
  const token = newSignupToken();
  await checkOtp(
    deps,
    { purpose: "register", target: input.mobile_number, code: input.otp_code, signupId: input.signup_id },
    { signupTokenHash: token.hash },
  );
  return { mobile_verified: true as const, signup_token: token.raw };
}
