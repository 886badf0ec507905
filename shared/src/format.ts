import type { Locale } from "./locale";

/**
 * How money and event times read, the same in the webapp, every email and every SMS. Plain `Intl`,
 * no Node or DOM imports: the server bundles this file and so does Vite.
 */

/** The regional formats each language is shown in: Egyptian English and Egyptian Arabic. */
export const INTL_LOCALES: Record<Locale, string> = { en: "en-EG", ar: "ar-EG" };

/**
 * Event times are shown as the venue's clock reads them, wherever the reader is. Every venue so far is
 * in Cairo; callers pass the event's own zone once events carry one.
 */
export const DEFAULT_TIME_ZONE = "Africa/Cairo";

export type DateInput = Date | string | number;

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<F extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => F): F {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as F;
}

/** Digits after the decimal point in `currency` (EGP 2, JPY 0, KWD 3): what "minor units" means for it. */
export function currencyDigits(currency: string): number {
  return cached(
    `digits:${currency}`,
    () => new Intl.NumberFormat("en", { style: "currency", currency }),
  ).resolvedOptions().maximumFractionDigits as number;
}

/** An amount in minor units (piastres) as money: "EGP 300", "EGP 300.50", "‏٣٠٠ ج.م.‏". Whole amounts drop the ".00". */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const digits = currencyDigits(currency);
  const amount = amountMinor / 10 ** digits;
  const whole = Number.isInteger(amount);
  return cached(
    `money:${locale}:${currency}:${whole}`,
    () =>
      new Intl.NumberFormat(INTL_LOCALES[locale], {
        style: "currency",
        currency,
        minimumFractionDigits: whole ? 0 : digits,
      }),
  ).format(amount);
}

function dateTime(locale: Locale, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(
    `date:${locale}:${name}:${options.timeZone ?? ""}`,
    () => new Intl.DateTimeFormat(INTL_LOCALES[locale], options),
  );
}

/** A short date and time in the event's zone: "Sun, Feb 14, 2027, 8:00 PM" (lists, cards). */
export function formatEventDate(at: DateInput, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dateTime(locale, "short", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(at));
}

/** The full date and time in the event's zone: "Sunday, February 14, 2027 at 8:00 PM" (event page, emails). */
export function formatEventDateLong(at: DateInput, locale: Locale, timeZone: string = DEFAULT_TIME_ZONE): string {
  return dateTime(locale, "long", { timeZone, dateStyle: "full", timeStyle: "short" }).format(new Date(at));
}

/**
 * A time of day ("8:15 PM") by the reader's own clock unless a zone is given: for deadlines such as a
 * held checkout's, which are the reader's and not the venue's.
 */
export function formatTimeOfDay(at: DateInput, locale: Locale, timeZone?: string): string {
  return dateTime(locale, "time", { timeZone, hour: "numeric", minute: "2-digit" }).format(new Date(at));
}
