import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { otpCode } from "@ticketrunners/shared";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { z } from "zod";
import { apiErrorMessage } from "../lib/error-messages";
import { formatMobileNumber } from "../lib/phone";
import { AccountField } from "./AccountField";
import { Alert } from "./Alert";
import { LtrText } from "./LtrText";
import { SubmitButton } from "./SubmitButton";

const otpSchema = z.object({ otp_code: otpCode });

interface OtpFormProps {
  /** The number the code went to, in E.164. */
  mobileNumber: string;
  onVerify: (otpCode: string) => Promise<unknown>;
  onResend: () => Promise<unknown>;
  /** Absent when the number cannot be changed. */
  onChangeNumber?: () => void;
}

/** The "enter the code we texted you" step, shared by signup and login. */
export function OtpForm({ mobileNumber, onVerify, onResend, onChangeNumber }: OtpFormProps) {
  const { t } = useTranslation();
  const form = useForm({ resolver: zodResolver(otpSchema), defaultValues: { otp_code: "" } });
  const verify = useMutation({ mutationFn: (code: string) => onVerify(code) });
  const resend = useMutation({
    mutationFn: onResend,
    onMutate: () => verify.reset(),
    onSuccess: () => form.reset({ otp_code: "" }),
  });

  const error = verify.error ?? resend.error;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        resend.reset();
        verify.mutate(values.otp_code);
      })}
    >
      {error && <Alert>{apiErrorMessage(t, error)}</Alert>}
      {resend.isSuccess && !verify.error && <Alert tone="success">{t("otp.resent")}</Alert>}
      <AccountField
        field="otp_code"
        form={form}
        hint={
          <Trans
            i18nKey="fields.otpHint"
            values={{ mobile: formatMobileNumber(mobileNumber) }}
            components={{ n: <LtrText /> }}
          />
        }
      />
      <SubmitButton pending={verify.isPending || verify.isSuccess}>{t("otp.verify")}</SubmitButton>
      <div className="form-secondary-actions">
        <button type="button" className="button-link" disabled={resend.isPending} onClick={() => resend.mutate()}>
          {t("otp.resend")}
        </button>
        {onChangeNumber && (
          <button type="button" className="button-link" onClick={onChangeNumber}>
            {t("otp.changeNumber")}
          </button>
        )}
      </div>
    </form>
  );
}
