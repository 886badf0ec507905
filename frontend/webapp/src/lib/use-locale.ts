import type { Locale } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";

/** The UI language, re-rendering the caller when it changes (dates and prices follow it). */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage === "ar" ? "ar" : "en";
}
