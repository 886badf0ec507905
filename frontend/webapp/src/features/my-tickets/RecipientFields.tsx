import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Field } from "../../components/Field";
import { LocaleSelect } from "../../components/LocaleSelect";
import { MobileNumberHint } from "../../components/MobileNumberHint";
import type { ReassignRequest } from "../../lib/api/types";
import { fieldErrorMessage } from "../../lib/error-messages";
import type { RecipientValues } from "./recipient-form";

/** Number, name, email and the language of their messages: who a ticket goes to. */
export function RecipientFields({ form }: { form: UseFormReturn<RecipientValues, unknown, ReassignRequest> }) {
  const { t } = useTranslation();
  const { errors } = form.formState;
  return (
    <>
      <Field
        label={t("recipientForm.mobile")}
        hint={<MobileNumberHint />}
        error={fieldErrorMessage(t, errors.mobile_number)}
        type="tel"
        autoComplete="off"
        dir="ltr"
        // The panel opened for this: start typing at once.
        autoFocus
        {...form.register("mobile_number")}
      />
      <Field
        label={t("recipientForm.name")}
        optional
        error={fieldErrorMessage(t, errors.name)}
        type="text"
        autoComplete="off"
        {...form.register("name")}
      />
      <Field
        label={t("recipientForm.email")}
        optional
        error={fieldErrorMessage(t, errors.email)}
        type="email"
        autoComplete="off"
        dir="ltr"
        {...form.register("email")}
      />
      <LocaleSelect
        label={t("recipientForm.locale")}
        hint={t("recipientForm.localeHint")}
        {...form.register("locale")}
      />
    </>
  );
}
