import type { Deps } from "../deps";
import { checkOtp } from "./otp";

/** Step 2 of sign-up: the person proves they hold the number. */
export async function verifyRegistrationOtp(deps: Deps, input: { mobile_number: string; otp_code: string }) {
  await checkOtp(deps, { purpose: "register", target: input.mobile_number, code: input.otp_code });
  return { mobile_verified: true as const };
}
