import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { AccountField } from "../../../components/AccountField";
import { Alert } from "../../../components/Alert";
import { SubmitButton } from "../../../components/SubmitButton";
import { ApiError, type ApiErrorCode } from "../../../lib/api/client";
import { completeRegistration } from "../../../lib/api/services/auth";
import { apiErrorMessage } from "../../../lib/error-messages";
import { useSession } from "../../session/use-session";
import { type PasswordValues, passwordSchema } from "./signup-schemas";

/** A claim link that stopped working while the person signed up: expired, or replaced by a resend. */
const LINK_PROBLEMS: ReadonlySet<ApiErrorCode> = new Set(["TOKEN_EXPIRED", "TOKEN_USED", "TOKEN_NOT_FOUND"]);

/** Step 3: a password, sent with the signup token; creates the account and signs in. */
export function PasswordStep({
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
    mutationFn: async (values: PasswordValues) => {
      const body = { mobile_number: mobileNumber, password: values.password, signup_token: signupToken };
      if (!registrationToken) return completeRegistration(body);
      try {
        return await completeRegistration({ ...body, registration_token: registrationToken });
      } catch (error) {
        // The link expired or was replaced (the buyer resent it) while they signed up. Their number is
        // verified all the same, and that alone gives them every ticket waiting for it.
        if (error instanceof ApiError && LINK_PROBLEMS.has(error.code)) return completeRegistration(body);
        throw error;
      }
    },
    onSuccess: signIn,
    onError: (error) => {
      if (error instanceof ApiError && error.code === "SIGNUP_TOKEN_INVALID") onVerificationExpired();
    },
  });

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => submit.mutate(values))}>
      <h2 className="step-title">{t("signup.passwordTitle")}</h2>
      {submit.error && <Alert>{apiErrorMessage(t, submit.error)}</Alert>}
      {/* Lets password managers save the new password under the right account. */}
      <input type="hidden" name="username" autoComplete="username" value={mobileNumber} readOnly />
      <AccountField
        field="password"
        form={form}
        hint={t("fields.newPasswordHint")}
        autoComplete="new-password"
        autoFocus
      />
      <AccountField
        field="password"
        form={form}
        name="password_confirm"
        label={t("fields.password_confirm")}
        autoComplete="new-password"
      />
      <SubmitButton pending={submit.isPending || submit.isSuccess}>{t("signup.createAccount")}</SubmitButton>
    </form>
  );
}
