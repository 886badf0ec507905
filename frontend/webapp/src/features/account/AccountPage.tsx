import type { User } from "@ticketrunners/shared";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { AccountField } from "../../components/AccountField";
import { Alert } from "../../components/Alert";
import { Field } from "../../components/Field";
import { LocaleSelect } from "../../components/LocaleSelect";
import { SubmitButton } from "../../components/SubmitButton";
import type { UpdateMeRequest } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMobileNumber } from "../../lib/phone";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useCurrentUser } from "../session/use-me";
import { type AccountValues, accountResolver, accountValues } from "./account-form";
import { useUpdateMe } from "./use-update-me";

/** `/account`: the customer's name, email and the language we text and email them in. */
export function AccountPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("account.title"));
  const save = useUpdateMe();
  // The stored copy shows at once. The form starts again from whatever the server last said (its answer
  // to a save, or a fresher me), so what it shows is what is saved.
  const user = useCurrentUser();
  return (
    <section className="auth-card" aria-labelledby="account-title">
      <h1 id="account-title">{t("account.title")}</h1>
      <p className="lead">{t("account.lead")}</p>
      {user && (
        <AccountForm key={`${user.id}|${user.name}|${user.email ?? ""}|${user.locale}`} user={user} save={save} />
      )}
    </section>
  );
}

function AccountForm({ user, save }: { user: User; save: ReturnType<typeof useUpdateMe> }) {
  const { t } = useTranslation();
  const form = useForm<AccountValues, unknown, UpdateMeRequest>({
    resolver: accountResolver,
    defaultValues: accountValues(user),
  });

  return (
    <form noValidate data-testid="account-form" onSubmit={form.handleSubmit((body) => save.mutate(body))}>
      {save.error && <Alert>{apiErrorMessage(t, save.error)}</Alert>}
      {save.isSuccess && !form.formState.isDirty && <Alert tone="success">{t("account.saved")}</Alert>}
      <Field
        label={t("account.mobile")}
        hint={t("account.mobileHint")}
        name="mobile_number"
        type="tel"
        dir="ltr"
        readOnly
        value={formatMobileNumber(user.mobile_number)}
      />
      <AccountField field="name" form={form} />
      <AccountField field="email" form={form} hint={t("account.emailHint")} />
      <LocaleSelect label={t("account.locale")} hint={t("account.localeHint")} {...form.register("locale")} />
      <SubmitButton pending={save.isPending}>{t("account.save")}</SubmitButton>
    </form>
  );
}
