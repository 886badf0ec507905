import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { password } from "@ticketrunners/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { useSession } from "../features/session/use-session";
import { currentLocale } from "../i18n";
import { schemas } from "../lib/account-schemas";
import { ApiError } from "../lib/api/client";
import { completeRegistration, register, verifyOtp } from "../lib/api/services/auth";
import type { RegisterRequest } from "../lib/api/types";
import { apiErrorMessage, fieldErrorMessage } from "../lib/error-messages";
import { withNext } from "../lib/safe-next";
import { Alert } from "./Alert";
import { Field } from "./Field";
import { MobileNumberHint } from "./MobileNumberHint";
import { OtpForm } from "./OtpForm";
import { SubmitButton } from "./SubmitButton";

const detailsSchema = schemas.register.omit({ locale: true });
type Details = z.output<typeof detailsSchema>;

const passwordSchema = z
  .object({ password, password_confirm: z.string() })
  .refine((values) => values.password === values.password_confirm, { path: ["password_confirm"] });

type Step = { name: "details" } | { name: "verify"; details: Details } | { name: "password"; details: Details };
const STEP_NUMBER = { details: 1, verify: 2, password: 3 } as const;

export interface SignupFormProps {
  /**
   * A number the person may not change, such as the one a ticket's registration link was issued for.
   * The field is shown read-only; the server enforces the lock too.
   */
  lockedMobileNumber?: string;
  /** Sent with the final step so the server can mark the link used. */
  registrationToken?: string;
}

/** Signup in three steps: details (texts a code), the code, then a password; ends signed in. */
export function SignupForm({ lockedMobileNumber, registrationToken }: SignupFormProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: "details" });
  const [lastDetails, setLastDetails] = useState<Details | undefined>();

  const sendCode = (details: Details) => register({ ...details, locale: currentLocale() } satisfies RegisterRequest);

  return (
    <div className="signup-form">
      <p className="step-indicator">{t("signup.step", { current: STEP_NUMBER[step.name], total: 3 })}</p>
      {step.name === "details" && (
        <DetailsStep
          defaultValues={lastDetails}
          lockedMobileNumber={lockedMobileNumber}
          onSubmit={async (details) => {
            try {
              await sendCode(details);
            } catch (error) {
              // Back from the code step with nothing changed: the code already sent is still good.
              const unchanged = JSON.stringify(details) === JSON.stringify(lastDetails);
              if (!(unchanged && error instanceof ApiError && error.code === "OTP_THROTTLED")) throw error;
            }
            setLastDetails(details);
            setStep({ name: "verify", details });
          }}
        />
      )}
      {step.name === "verify" && (
        <>
          <h2 className="step-title">{t("signup.otpTitle")}</h2>
          <OtpForm
            mobileNumber={step.details.mobile_number}
            onVerify={async (otp_code) => {
              await verifyOtp({ mobile_number: step.details.mobile_number, otp_code });
              setStep({ name: "password", details: step.details });
            }}
            onResend={() => sendCode(step.details)}
            onChangeNumber={lockedMobileNumber ? undefined : () => setStep({ name: "details" })}
          />
        </>
      )}
      {step.name === "password" && (
        <PasswordStep mobileNumber={step.details.mobile_number} registrationToken={registrationToken} />
      )}
    </div>
  );
}

function DetailsStep({
  defaultValues,
  lockedMobileNumber,
  onSubmit,
}: {
  defaultValues?: Details;
  lockedMobileNumber?: string;
  onSubmit: (details: Details) => Promise<void>;
}) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(detailsSchema),
    defaultValues: {
      mobile_number: lockedMobileNumber ?? defaultValues?.mobile_number ?? "",
      name: defaultValues?.name ?? "",
      email: defaultValues?.email,
    },
  });
  const submit = useMutation({ mutationFn: onSubmit });
  const [searchParams] = useSearchParams();
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((details) => submit.mutate(details))}>
      {submit.error && (
        <Alert>
          {apiErrorMessage(t, submit.error)}
          {submit.error instanceof ApiError && submit.error.code === "USER_EXISTS" && (
            <>
              {" "}
              <Link to={withNext("/login", searchParams.get("next"))}>{t("signup.loginLink")}</Link>
            </>
          )}
        </Alert>
      )}
      <Field
        label={t("fields.mobile_number")}
        hint={lockedMobileNumber ? t("fields.mobileLocked") : <MobileNumberHint />}
        error={fieldErrorMessage(t, "mobile_number", errors.mobile_number)}
        type="tel"
        autoComplete="tel"
        dir="ltr"
        readOnly={lockedMobileNumber !== undefined}
        {...form.register("mobile_number")}
      />
      <Field
        label={t("fields.name")}
        error={fieldErrorMessage(t, "name", errors.name)}
        type="text"
        autoComplete="name"
        {...form.register("name")}
      />
      <Field
        label={t("fields.email")}
        optional
        hint={t("fields.emailHint")}
        error={fieldErrorMessage(t, "email", errors.email)}
        type="email"
        autoComplete="email"
        dir="ltr"
        // An empty box means "no email", not an invalid one.
        {...form.register("email", { setValueAs: (value?: string) => value?.trim() || undefined })}
      />
      <SubmitButton pending={submit.isPending}>{t("signup.continue")}</SubmitButton>
    </form>
  );
}

function PasswordStep({ mobileNumber, registrationToken }: { mobileNumber: string; registrationToken?: string }) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const form = useForm({
    resolver: zodResolver(passwordSchema),
    defaultValues: { password: "", password_confirm: "" },
  });
  const submit = useMutation({
    mutationFn: (values: z.output<typeof passwordSchema>) =>
      completeRegistration({
        mobile_number: mobileNumber,
        password: values.password,
        registration_token: registrationToken,
      }),
    onSuccess: signIn,
  });
  const { errors } = form.formState;

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => submit.mutate(values))}>
      <h2 className="step-title">{t("signup.passwordTitle")}</h2>
      {submit.error && <Alert>{apiErrorMessage(t, submit.error)}</Alert>}
      {/* Lets password managers save the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={mobileNumber} readOnly />
      <Field
        label={t("fields.password")}
        hint={t("fields.newPasswordHint")}
        error={fieldErrorMessage(t, "password", errors.password)}
        type="password"
        autoComplete="new-password"
        autoFocus
        {...form.register("password")}
      />
      <Field
        label={t("fields.password_confirm")}
        error={fieldErrorMessage(t, "password_confirm", errors.password_confirm)}
        type="password"
        autoComplete="new-password"
        {...form.register("password_confirm")}
      />
      <SubmitButton pending={submit.isPending || submit.isSuccess}>{t("signup.createAccount")}</SubmitButton>
    </form>
  );
}
