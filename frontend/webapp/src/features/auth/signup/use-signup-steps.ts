import { useState } from "react";
import { currentLocale } from "../../../i18n";
import { ApiError } from "../../../lib/api/client";
import { register, verifyOtp } from "../../../lib/api/services/auth";
import type { RegisterRequest } from "../../../lib/api/types";
import type { Details } from "./signup-schemas";

export type VerifyStep = { name: "verify"; details: Details; signupId: string; verificationExpired?: boolean };
export type PasswordStep = { name: "password"; details: Details; signupId: string; signupToken: string };

/**
 * Where the person is, with the secrets that carry them to the next step: `signupId` names the register
 * call whose code they type, `signupToken` is what verifying it gave them. Both live in this state only
 * (never in storage or the URL), so a reload starts the signup again.
 */
export type SignupStep = { name: "details" } | VerifyStep | PasswordStep;

export const STEP_NUMBER = { details: 1, verify: 2, password: 3 } as const;
export const STEP_COUNT = 3;

/** The last details a code was sent for, and the register call that sent it. */
interface SentCode {
  details: Details;
  signupId: string;
}

/** The signup's three steps (details, the texted code, a password) and the moves between them. */
export function useSignupSteps() {
  const [step, setStep] = useState<SignupStep>({ name: "details" });
  const [lastSent, setLastSent] = useState<SentCode | undefined>();

  const sendCode = async (details: Details): Promise<SentCode> => {
    const { signup_id } = await register({ ...details, locale: currentLocale() } satisfies RegisterRequest);
    const sent = { details, signupId: signup_id };
    setLastSent(sent);
    return sent;
  };

  return {
    step,
    /** What the details step shows when the person comes back to it. */
    lastDetails: lastSent?.details,

    /** Details → code: texts a code to the number. */
    async submitDetails(details: Details) {
      let sent: SentCode;
      try {
        sent = await sendCode(details);
      } catch (error) {
        // Back from the code step with nothing changed: the code already sent is still good.
        const unchanged = lastSent && JSON.stringify(details) === JSON.stringify(lastSent.details);
        if (!(unchanged && error instanceof ApiError && error.code === "OTP_THROTTLED")) throw error;
        sent = lastSent;
      }
      setStep({ name: "verify", ...sent });
    },

    /** Code → password: the code is sent with the id of the register call that texted it. */
    async verifyCode(current: VerifyStep, otpCode: string) {
      const { signup_token } = await verifyOtp({
        mobile_number: current.details.mobile_number,
        otp_code: otpCode,
        signup_id: current.signupId,
      });
      setStep({ name: "password", details: current.details, signupId: current.signupId, signupToken: signup_token });
    },

    /** A new code belongs to a new register call: only its id is accepted with it. */
    async resendCode(current: VerifyStep) {
      setStep({ name: "verify", ...(await sendCode(current.details)) });
    },

    changeNumber() {
      setStep({ name: "details" });
    },

    /** The signup token was refused (30 minutes passed, or it was spent): back to the code, for a new one. */
    verificationExpired(current: PasswordStep) {
      setStep({ name: "verify", details: current.details, signupId: current.signupId, verificationExpired: true });
    },
  };
}
