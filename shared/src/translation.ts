import type { Locale } from "./locale";

/**
 * The plural categories `Intl.PluralRules` answers with. i18next picks `key_<category>` for a `count`,
 * so a counted phrase is one key per category the language uses.
 */
export const PLURAL_CATEGORIES = ["zero", "one", "two", "few", "many", "other"] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

/**
 * The categories each language needs for a count of 1 or more (Arabic: 1 تذكرة واحدة, 2 تذكرتان,
 * 3–10 تذاكر, 11–99 تذكرة, 100 تذكرة). `zero` stays optional: most of our counts cannot be 0, so it
 * is written only where 0 can occur, and the translator reads a missing `_zero` as `_other`
 * (i18next alone would answer with the key).
 */
export const REQUIRED_PLURAL_FORMS = {
  en: ["one", "other"],
  ar: ["one", "two", "few", "many", "other"],
} as const satisfies Record<Locale, readonly PluralCategory[]>;

type FormsOf<L extends Locale> = (typeof REQUIRED_PLURAL_FORMS)[L][number];

/**
 * A catalogue in language `L` with the shape of the English source `Source`: the same keys, and for
 * every phrase English counts (`x_one` + `x_other`) every plural form `L` needs. A missing key, a
 * missing Arabic `_two` or a misspelt key fails to compile.
 */
export type Translation<Source, L extends Locale> = {
  [K in keyof Source as K extends `${infer Base}_one`
    ? `${Base}_${FormsOf<L>}`
    : K extends `${string}_other`
      ? never
      : K]: Source[K] extends string ? string : Translation<Source[K], L>;
} & {
  [K in keyof Source as K extends `${infer Base}_one` ? `${Base}_zero` : never]?: string;
};
