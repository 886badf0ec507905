import type { FieldValues, Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { AccountField } from "./AccountField";
import type { BoundForm } from "./FormField";

/**
 * The number, name and email of someone a ticket goes to. Never filled from the person's own details
 * (autoComplete off). `at` is where they sit in the form, when not at its top (a row of a list).
 */
export function RecipientContactFields<T extends FieldValues>({
  form,
  at,
  autoFocus,
}: {
  form: BoundForm<T>;
  at?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const key = (field: string) => (at ? `${at}.${field}` : field) as Path<T>;
  return (
    <>
      <AccountField
        field="mobile_number"
        form={form}
        name={key("mobile_number")}
        label={t("recipientForm.mobile")}
        autoComplete="off"
        autoFocus={autoFocus}
      />
      <AccountField
        field="name"
        form={form}
        name={key("name")}
        label={t("recipientForm.name")}
        optional
        autoComplete="off"
      />
      <AccountField field="email" form={form} name={key("email")} label={t("recipientForm.email")} autoComplete="off" />
    </>
  );
}
