import { LOCALES, type Locale } from "@ticketrunners/shared";
import { createInstance } from "i18next";
import { ar } from "./ar.copy";
import { en } from "./en.copy";

/**
 * The server's own i18next instance (never the webapp's global one): the copy of every SMS and email,
 * with plural forms chosen by `Intl.PluralRules`. It holds only the static catalogues, so one instance
 * per process is safe to share; `init` with inline resources and `initAsync: false` is synchronous.
 */
const i18n = createInstance();
i18n.init({
  resources: { en: { messages: en }, ar: { messages: ar } },
  ns: ["messages"],
  defaultNS: "messages",
  lng: "en",
  supportedLngs: [...LOCALES],
  // Every Arabic key exists (the catalogue's type says so); a missing one must not turn into English.
  fallbackLng: false,
  initAsync: false,
  // Values are plain text: React escapes the email HTML, and SMS is not HTML. Interpolated values are
  // never read as templates (i18next's skipOnVariables), so a name holding "{{x}}" stays as typed and
  // the secret's placeholder passes through.
  interpolation: { escapeValue: false },
});

type Leaves<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
type Key = Leaves<typeof en>;

/** A phrase with plural forms: call it with `count`. */
export type CountedKey = Key extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
/** A phrase without a count. */
export type PlainKey = Exclude<Key, `${string}_one` | `${string}_other`>;

export type MessageValues = Record<string, string | number>;

export interface Translate {
  (key: CountedKey, values: MessageValues & { count: number }): string;
  (key: PlainKey, values?: MessageValues): string;
}

/** The copy in one language: `t("welcomeEmail.waiting", { count: 2 })`. */
export function translator(locale: Locale): Translate {
  const t = i18n.getFixedT(locale) as unknown as (key: string, values?: MessageValues) => string;
  return (key: string, values?: MessageValues) => {
    // Arabic has a zero form, which we write only where 0 can occur; elsewhere 0 reads as `_other`
    // (i18next alone would answer with the key).
    if (values?.count === 0 && !i18n.exists(`${key}_zero`, { lng: locale })) return t(`${key}_other`, values);
    return t(key, values);
  };
}
