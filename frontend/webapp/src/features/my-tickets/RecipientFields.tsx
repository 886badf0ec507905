import type { UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { LocaleSelect } from "../../components/LocaleSelect";
import { RecipientContactFields } from "../../components/RecipientContactFields";
import type { ReassignRequest } from "../../lib/api/types";
import type { RecipientValues } from "./recipient-form";

/** Number, name, email and the language of their messages: who a ticket goes to. */
export function RecipientFields({ form }: { form: UseFormReturn<RecipientValues, unknown, ReassignRequest> }) {
  const { t } = useTranslation();
  return (
    <>
      {/* The panel opened for this: start typing at once. */}
      <RecipientContactFields form={form} autoFocus />
      <LocaleSelect
        label={t("recipientForm.locale")}
        hint={t("recipientForm.localeHint")}
        {...form.register("locale")}
      />
    </>
  );
}
