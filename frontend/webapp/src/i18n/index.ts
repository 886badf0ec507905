import { LOCALES, type Locale } from "@ticketrunners/shared";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import { ar } from "./ar";
import { en } from "./en";

const STORAGE_KEY = "tr.locale";

const isLocale = (value: unknown): value is Locale => LOCALES.some((locale) => locale === value);

function readStoredLocale(): Locale | undefined {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : undefined;
  } catch {
    // Storage can be unavailable (private mode, blocked cookies); the UI still works in memory.
    return undefined;
  }
}

/** A stored choice wins; otherwise an Arabic-speaking browser starts in Arabic. */
function initialLocale(): Locale {
  return readStoredLocale() ?? (navigator.language.toLowerCase().startsWith("ar") ? "ar" : "en");
}

function applyToDocument(locale: Locale) {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = i18n.dir(locale);
  document.title = i18n.t("app.brand");
}

export function createI18n() {
  i18n.use(initReactI18next).init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng: initialLocale(),
    fallbackLng: "en",
    supportedLngs: LOCALES,
    // React escapes output already.
    interpolation: { escapeValue: false },
  });
  applyToDocument(currentLocale());
  i18n.on("languageChanged", (lng) => {
    if (!isLocale(lng)) return;
    applyToDocument(lng);
    try {
      localStorage.setItem(STORAGE_KEY, lng);
    } catch {
      // See readStoredLocale: the choice then lasts for this page only.
    }
  });
  return i18n;
}

export function currentLocale(): Locale {
  return isLocale(i18n.resolvedLanguage) ? i18n.resolvedLanguage : "en";
}

export function setLocale(locale: Locale) {
  return i18n.changeLanguage(locale);
}
