import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../../components/Alert";
import { Field } from "../../../components/Field";
import { LockIcon } from "../../../components/Icons";
import { MobileNumberHint } from "../../../components/MobileNumberHint";
import { SubmitButton } from "../../../components/SubmitButton";
import { ApiError } from "../../../lib/api/client";
import { apiErrorMessage, fieldErrorMessage } from "../../../lib/error-messages";
import { formatMobileNumber } from "../../../lib/phone";
import { withNext } from "../../../lib/safe-next";
import { type Details, detailsSchema } from "./signup-schemas";

/** Step 1: mobile number (locked when it comes from a claim link), name and optional email. */
export function DetailsStep({
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
        error={fieldErrorMessage(t, errors.mobile_number)}
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
        error={fieldErrorMessage(t, errors.name)}
        type="text"
        autoComplete="name"
        {...form.register("name")}
      />
      <Field
        label={t("fields.email")}
        optional
        hint={t("fields.emailHint")}
        error={fieldErrorMessage(t, errors.email)}
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
