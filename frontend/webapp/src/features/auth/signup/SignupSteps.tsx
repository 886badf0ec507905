import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/Alert";
import { OtpForm } from "../../../components/OtpForm";
import { DetailsStep } from "./DetailsStep";
import { PasswordStep } from "./PasswordStep";
import { STEP_COUNT, STEP_NUMBER, useSignupSteps } from "./use-signup-steps";

interface SignupStepsProps {
  /**
   * A number the person may not change: the one a ticket's claim link was sent to. The field is shown
   * read-only with a lock; the server enforces the lock too.
   */
  lockedMobileNumber?: string;
  /** Sent with the final step so the server can mark the link used. */
  registrationToken?: string;
}

/** Signup in three steps: details (texts a code), the code, then a password; ends signed in. */
export function SignupSteps({ lockedMobileNumber, registrationToken }: SignupStepsProps) {
  const { t } = useTranslation();
  const signup = useSignupSteps();
  const { step } = signup;

  return (
    <div className="signup-form">
      <p className="step-indicator">{t("signup.step", { current: STEP_NUMBER[step.name], total: STEP_COUNT })}</p>
      {step.name === "details" && (
        <DetailsStep
          defaultValues={signup.lastDetails}
          lockedMobileNumber={lockedMobileNumber}
          onSubmit={signup.submitDetails}
        />
      )}
      {step.name === "verify" && (
        <>
          <h2 className="step-title">{t("signup.otpTitle")}</h2>
          {step.verificationExpired && <Alert>{t("signup.verificationExpired")}</Alert>}
          <OtpForm
            mobileNumber={step.details.mobile_number}
            onVerify={(code) => signup.verifyCode(step, code)}
            onResend={() => signup.resendCode(step)}
            onChangeNumber={lockedMobileNumber ? undefined : signup.changeNumber}
          />
        </>
      )}
      {step.name === "password" && (
        <PasswordStep
          mobileNumber={step.details.mobile_number}
          signupToken={step.signupToken}
          registrationToken={registrationToken}
          onVerificationExpired={() => signup.verificationExpired(step)}
        />
      )}
    </div>
  );
}
