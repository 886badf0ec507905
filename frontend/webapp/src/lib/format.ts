import type { Locale } from "@ticketrunners/shared";

// Every venue so far is in Egypt: event times are shown as the venue's clock reads them, wherever the
// reader is. The emails and SMS use the same zone and the same regional formats.
const EVENT_TIME_ZONE = "Africa/Cairo";
const INTL_LOCALE: Record<Locale, string> = { en: "en-EG", ar: "ar-EG" };

/** Prices come in minor units (piastres); whole amounts drop the ".00". */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const amount = amountMinor / 100;
  return new Intl.NumberFormat(INTL_LOCALE[locale], {
    style: "currency",
    currency,
    minimumFractionDigits: Number.isInteger(amount) ? 0 : 2,
  }).format(amount);
}

/** "Sun, 14 Feb 2027, 8:00 PM" in the event's time zone. */
export function formatEventDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: EVENT_TIME_ZONE,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "numeric",
    minute: "2-digit",
  }).format(new Date(iso));
}

/** A long form for the event page: "Sunday, 14 February 2027 at 8:00 PM". */
export function formatEventDateLong(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone: EVENT_TIME_ZONE,
    dateStyle: "full",
    timeStyle: "short",
  }).format(new Date(iso));
}

/** A time of day by the reader's own clock ("8:15 PM"): for deadlines such as a held checkout's. */
export function formatTimeOfDay(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { hour: "numeric", minute: "2-digit" }).format(new Date(iso));
}
