type Locale = "en" | "ar";

// Event times are shown in the venue's time zone; every venue so far is in Egypt.
const TIME_ZONE = "Africa/Cairo";

export function formatDateTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "ar" ? "ar-EG" : "en-GB", {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: TIME_ZONE,
  }).format(at);
}

export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale === "ar" ? "ar-EG" : "en-EG", { style: "currency", currency }).format(
    amountMinor / 100,
  );
}
