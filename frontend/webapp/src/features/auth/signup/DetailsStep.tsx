import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { AccountField } from "../../../components/AccountField";
import { Alert } from "../../../components/Alert";
import { LockIcon } from "../../../components/Icons";
import { MobileNumberHint } from "../../../components/MobileNumberHint";
import { SubmitButton } from "../../../components/SubmitButton";
import { ApiError } from "../../../lib/api/client";
import { apiErrorMessage } from "../../../lib/error-messages";
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
      <AccountField
        field="mobile_number"
        form={form}
        hint={lockedMobileNumber ? t("fields.mobileLocked") : <MobileNumberHint />}
        readOnly={lockedMobileNumber !== undefined}
        adornment={lockedMobileNumber ? <LockIcon /> : undefined}
        data-testid={lockedMobileNumber ? "mobile-locked" : undefined}
      />
      <AccountField field="name" form={form} />
      <AccountField
        field="email"
        form={form}
        hint={t("fields.emailHint")}
        // An empty box means "no email", not an invalid one.
        rules={{ setValueAs: (value?: string) => value?.trim() || undefined }}
      />
      <SubmitButton pending={submit.isPending}>{t("signup.continue")}</SubmitButton>
    </form>
  );
}
