import { LOCALES } from "@ticketrunners/shared";
import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "./SelectField";

/** The language someone's text messages and emails are written in; each named in its own language. */
export function LocaleSelect(props: Omit<ComponentProps<typeof SelectField>, "options">) {
  const { t } = useTranslation();
  const options = LOCALES.map((locale) => ({ value: locale, label: t(`language.${locale}`), lang: locale }));
  return <SelectField options={options} {...props} />;
}
