import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { password } from "@ticketrunners/shared";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { z } from "zod";
import { useRegistrationToken } from "../features/auth/use-registration-token";
import { useSession } from "../features/session/use-session";
import { currentLocale } from "../i18n";
import { schemas } from "../lib/account-schemas";
import { ApiError } from "../lib/api/client";
import { completeRegistration, register, verifyOtp } from "../lib/api/services/auth";
import type { RegisterRequest } from "../lib/api/types";
import { apiErrorMessage, fieldErrorMessage } from "../lib/error-messages";
import { formatMobileNumber } from "../lib/phone";
import { withNext } from "../lib/safe-next";
import { Alert } from "./Alert";
import { Field } from "./Field";
import { LockIcon, TicketIcon } from "./Icons";
import { MobileNumberHint } from "./MobileNumberHint";
import { OtpForm } from "./OtpForm";
import { SubmitButton } from "./SubmitButton";

const detailsSchema = schemas.register.omit({ locale: true });
type Details = z.output<typeof detailsSchema>;

const passwordSchema = z
  .object({ password, password_confirm: z.string() })
  .refine((values) => values.password === values.password_confirm, { path: ["password_confirm"] });

const TOKEN_PROBLEMS = new Set(["TOKEN_EXPIRED", "TOKEN_USED", "TOKEN_NOT_FOUND"]);

/**
 * Where the person is, with the secrets that carry them to the next step: `signupId` names the register
 * call whose code they type, `signupToken` is what verifying it gave them. Both live in this state only
 * (never in storage or the URL), so a reload starts the signup again.
 */
type Step =
  | { name: "details" }
  | { name: "verify"; details: Details; signupId: string; verificationExpired?: boolean }
  | { name: "password"; details: Details; signupId: string; signupToken: string };
const STEP_NUMBER = { details: 1, verify: 2, password: 3 } as const;

/** The last details a code was sent for, and the register call that sent it. */
interface SentCode {
  details: Details;
  signupId: string;
}

/**
 * Signup. Opened from a ticket's claim link (`/signup?token=…`, texted to someone a ticket was bought
 * for), it first checks the link: a usable one pre-fills and locks the mobile number it was sent to and
 * says which event the ticket is for; an expired, used or unknown one explains itself and offers to log
 * in or to sign up without it. With or without a link, every ticket waiting for the number joins the
 * new account as it is created: the server links them by the verified number, and the token only marks
 * the link used.
 */
export function SignupForm() {
  const [searchParams] = useSearchParams();
  const token = searchParams.get("token");
  if (token !== null) return <ClaimSignup token={token.trim()} />;
  return <SignupSteps />;
}

type ClaimProblem = "expired" | "used" | "invalid";

/** Why a claim link cannot be used, or undefined when the failure says nothing about the link. */
function claimProblem(error: unknown): ClaimProblem | undefined {
  if (!(error instanceof ApiError)) return undefined;
  switch (error.code) {
    case "TOKEN_EXPIRED":
      return "expired";
    case "TOKEN_USED":
      return "used";
    case "TOKEN_NOT_FOUND":
    case "MISSING_TOKEN":
    case "VALIDATION_ERROR":
      return "invalid";
    default:
      return undefined;
  }
}

function ClaimSignup({ token }: { token: string }) {
  const { t } = useTranslation();
  // An empty token is not worth a request: it can only be refused.
  const claim = useRegistrationToken(token === "" ? null : token);

  if (token === "") return <ClaimLinkProblem problem="invalid" />;
  if (claim.isPending) {
    return (
      <p className="page-loading" role="status">
        {t("claim.checking")}
      </p>
    );
  }
  if (claim.isError) {
    const problem = claimProblem(claim.error);
    if (problem) return <ClaimLinkProblem problem={problem} />;
    // Rate-limited, offline or a server hiccup: the link may be fine, so offer to ask again.
    return (
      <div className="load-error">
        <Alert>
          {t("claim.checkFailed")} {apiErrorMessage(t, claim.error)}
        </Alert>
        <button type="button" className="button button-secondary" onClick={() => claim.refetch()}>
          {t("claim.retry")}
        </button>
      </div>
    );
  }

  const link = claim.data;
  return (
    <>
      <div className="claim-banner" data-testid="claim-banner">
        <TicketIcon className="claim-banner-icon" />
        <div>
          <p className="claim-banner-title">
            <Trans i18nKey="claim.banner" values={{ event: link.event_name }} components={{ n: <bdi /> }} />
          </p>
          <p>
            <Trans
              i18nKey="claim.bannerDetail"
              values={{ purchaser: link.purchaser_name }}
              count={link.ticket_count}
              components={{ n: <bdi /> }}
            />
          </p>
          <p className="claim-banner-hint">{t("claim.bannerHint")}</p>
        </div>
      </div>
      <SignupSteps lockedMobileNumber={link.phone_number} registrationToken={token} />
    </>
  );
}

function ClaimLinkProblem({ problem }: { problem: ClaimProblem }) {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const next = searchParams.get("next");
  return (
    <div className="claim-problem" data-testid="claim-link-problem" data-reason={problem}>
      <h2>{t("claim.problemTitle")}</h2>
      <p className="claim-problem-reason" role="alert">
        {t(`claim.${problem}`)}
      </p>
      <p className="muted">{t(`claim.${problem}Hint`)}</p>
      <div className="claim-problem-actions">
        {/* Someone holding a ticket link most likely wants to see their tickets after logging in. */}
        <Link to={withNext("/login", next ?? "/my-tickets")} className="button button-primary">
          {t("claim.login")}
        </Link>
        <Link to={withNext("/signup", next)} className="button button-secondary">
          {t("claim.signupWithout")}
        </Link>
      </div>
    </div>
  );
}

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
function SignupSteps({ lockedMobileNumber, registrationToken }: SignupStepsProps) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>({ name: "details" });
  const [lastSent, setLastSent] = useState<SentCode | undefined>();

  const sendCode = async (details: Details): Promise<SentCode> => {
    const { signup_id } = await register({ ...details, locale: currentLocale() } satisfies RegisterRequest);
    const sent = { details, signupId: signup_id };
    setLastSent(sent);
    return sent;
  };

  return (
    <div className="signup-form">
      <p className="step-indicator">{t("signup.step", { current: STEP_NUMBER[step.name], total: 3 })}</p>
      {step.name === "details" && (
        <DetailsStep
          defaultValues={lastSent?.details}
          lockedMobileNumber={lockedMobileNumber}
          onSubmit={async (details) => {
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
          }}
        />
      )}
      {step.name === "verify" && (
        <>
          <h2 className="step-title">{t("signup.otpTitle")}</h2>
          {step.verificationExpired && <Alert>{t("signup.verificationExpired")}</Alert>}
          <OtpForm
            mobileNumber={step.details.mobile_number}
            onVerify={async (otp_code) => {
              const { signup_token } = await verifyOtp({
                mobile_number: step.details.mobile_number,
                otp_code,
                signup_id: step.signupId,
              });
              setStep({ name: "password", details: step.details, signupId: step.signupId, signupToken: signup_token });
            }}
            // The new code belongs to the new register call: only its id is accepted with it.
            onResend={async () => setStep({ name: "verify", ...(await sendCode(step.details)) })}
            onChangeNumber={lockedMobileNumber ? undefined : () => setStep({ name: "details" })}
          />
        </>
      )}
      {step.name === "password" && (
        <PasswordStep
          mobileNumber={step.details.mobile_number}
          signupToken={step.signupToken}
          registrationToken={registrationToken}
          onVerificationExpired={() =>
            setStep({ name: "verify", details: step.details, signupId: step.signupId, verificationExpired: true })
          }
        />
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
      mobile_number: lockedMobileNumber ? formatMobileNumber(lockedMobileNumber) : (defaultValues?.mobile_number ?? ""),
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
        adornment={lockedMobileNumber ? <LockIcon /> : undefined}
        data-testid={lockedMobileNumber ? "mobile-locked" : undefined}
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

function PasswordStep({
  mobileNumber,
  signupToken,
  registrationToken,
  onVerificationExpired,
}: {
  mobileNumber: string;
  signupToken: string;
  registrationToken?: string;
  /** The signup token was refused (30 minutes passed, or it was spent): the number must be verified again. */
  onVerificationExpired: () => void;
}) {
  const { t } = useTranslation();
  const { signIn } = useSession();
  const form = useForm({
    resolver: zodResolver(passwordSchema),
    defaultValues: { password: "", password_confirm: "" },
  });
  const submit = useMutation({
    mutationFn: async (values: z.output<typeof passwordSchema>) => {
      const body = { mobile_number: mobileNumber, password: values.password, signup_token: signupToken };
      if (!registrationToken) return completeRegistration(body);
      try {
        return await completeRegistration({ ...body, registration_token: registrationToken });
      } catch (error) {
        // The link expired or was replaced (the buyer resent it) while they signed up. Their number is
        // verified all the same, and that alone gives them every ticket waiting for it.
        if (error instanceof ApiError && TOKEN_PROBLEMS.has(error.code)) return completeRegistration(body);
        throw error;
      }
    },
    onSuccess: signIn,
    onError: (error) => {
      if (error instanceof ApiError && error.code === "SIGNUP_TOKEN_INVALID") onVerificationExpired();
    },
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
