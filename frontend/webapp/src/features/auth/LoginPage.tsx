import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router";
import type { z } from "zod";
import { AccountField } from "../../components/AccountField";
import { Alert } from "../../components/Alert";
import { OtpForm } from "../../components/OtpForm";
import { SubmitButton } from "../../components/SubmitButton";
import { schemas } from "../../lib/account-schemas";
import { ApiError } from "../../lib/api/client";
import { login, verifyLoginOtp } from "../../lib/api/services/auth";
import { apiErrorMessage } from "../../lib/error-messages";
import { withNext } from "../../lib/safe-next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useSession } from "../session/use-session";
import { useNextPath } from "./use-next-path";

type Credentials = z.output<typeof schemas.login>;

/** Login: mobile number and password, then the code texted to that number. */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("login.title"));
  const { isSignedIn, signIn } = useSession();
  const { raw, next } = useNextPath();
  // Kept for the code step: "Resend code" asks the server again with the same credentials.
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [lastMobileNumber, setLastMobileNumber] = useState<string>();

  if (isSignedIn) return <Navigate to={next} replace />;

  return (
    <section className="auth-card" aria-labelledby="login-title">
      <h1 id="login-title">{credentials ? t("login.otpTitle") : t("login.title")}</h1>
      {credentials ? (
        <OtpForm
          mobileNumber={credentials.mobile_number}
          onVerify={async (otp_code) =>
            signIn(await verifyLoginOtp({ mobile_number: credentials.mobile_number, otp_code }))
          }
          onResend={() => login(credentials)}
          onChangeNumber={() => {
            setLastMobileNumber(credentials.mobile_number);
            setCredentials(null);
          }}
        />
      ) : (
        <>
          <p className="lead">{t("login.lead")}</p>
          <CredentialsForm defaultMobileNumber={lastMobileNumber} onCodeSent={setCredentials} />
        </>
      )}
      <p className="auth-switch">
        {t("login.noAccount")} <Link to={withNext("/signup", raw)}>{t("login.signupLink")}</Link>
      </p>
    </section>
  );
}

function CredentialsForm({
  defaultMobileNumber,
  onCodeSent,
}: {
  defaultMobileNumber?: string;
  onCodeSent: (credentials: Credentials) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    resolver: zodResolver(schemas.login),
    defaultValues: { mobile_number: defaultMobileNumber ?? "", password: "" },
  });
  const submit = useMutation({
    mutationFn: async (credentials: Credentials) => {
      try {
        await login(credentials);
      } catch (error) {
        // The password was right and a code went out under a minute ago: that code still works.
        if (!(error instanceof ApiError && error.code === "OTP_THROTTLED")) throw error;
      }
      return credentials;
    },
    onSuccess: onCodeSent,
  });

  return (
    <form noValidate onSubmit={form.handleSubmit((credentials) => submit.mutate(credentials))}>
      {submit.error && <Alert>{apiErrorMessage(t, submit.error)}</Alert>}
      <AccountField field="mobile_number" form={form} autoComplete="username" />
      <AccountField field="password" form={form} autoComplete="current-password" />
      <SubmitButton pending={submit.isPending}>{t("login.submit")}</SubmitButton>
    </form>
  );
}
