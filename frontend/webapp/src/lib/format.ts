// One formatting module for the webapp, the emails and the SMS: it lives in shared so both sides read
// money and event times the same way (en-EG / ar-EG, event times in the venue's zone).
import { INTL_LOCALES, type Locale } from "@ticketrunners/shared";

export {
  DEFAULT_TIME_ZONE,
  formatEventDate,
  formatEventDateLong,
  formatMoney,
  formatTimeOfDay,
} from "@ticketrunners/shared";

const moments = new Map<Locale, Intl.DateTimeFormat>();

/**
 * When something happened to a ticket (given, claimed, passed on), by the reader's own clock: it is
 * their past, not an event's schedule (as formatTimeOfDay is for a checkout's deadline).
 */
export function formatMoment(at: string | Date, locale: Locale): string {
  let formatter = moments.get(locale);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALES[locale], { dateStyle: "medium", timeStyle: "short" });
    moments.set(locale, formatter);
  }
  return formatter.format(new Date(at));
}
