import type { Locale } from "@ticketrunners/shared";
import i18next, { type TFunction } from "i18next";
import { ar } from "./ar";
import { en } from "./en";

/**
 * A `t` of its own for tests, set up as the app's. `fallbackLng: false` shows a key missing from one
 * language instead of the English words.
 */
export async function testTranslator(lng: Locale, fallbackLng: "en" | false = "en"): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { en: { translation: en }, ar: { translation: ar } },
    lng,
    fallbackLng,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}
