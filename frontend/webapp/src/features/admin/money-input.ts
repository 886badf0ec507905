import { currencyDigits } from "@ticketrunners/shared";
import { toWesternDigits } from "../../lib/digits";

/**
 * Prices are typed in major units with the currency's own decimals ("350.50" EGP, "1500" JPY,
 * "12.250" KWD) and stored in minor units (35050 piastres). Whole numbers of minor units only:
 * digits are counted as text, never through floating point.
 */

/** The currency's decimals, or undefined for a code Intl refuses. */
function digitsOf(currency: string): number | undefined {
  try {
    return currencyDigits(currency);
  } catch {
    return undefined;
  }
}

/** The minor units `typed` stands for in `currency`, or undefined for text that is not such an amount. */
export function parseMajorAmount(typed: string, currency: string): number | undefined {
  const digits = digitsOf(currency);
  if (digits === undefined) return undefined;
  const text = toWesternDigits(typed)
    .trim()
    // Arabic decimal separator; group separators (Arabic, Latin, spaces) are dropped.
    .replace(/\u066b/g, ".")
    .replace(/[\u066c,\s\u00a0\u202f]/g, "");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return undefined;
  const whole = match[1] ?? "0";
  const fraction = match[2] ?? "";
  if (fraction.length > digits || whole.length > 15) return undefined;
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

/** Minor units as the price box shows them: 35050 EGP → "350.50", 35000 → "350", 1500 JPY → "1500". */
export function formatMajorAmount(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(amountMinor);
  const scale = 10 ** digits;
  const whole = Math.trunc(amountMinor / scale);
  const fraction = amountMinor % scale;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(digits, "0")}`;
}

/** A hint for the price box: "0.00" for EGP, "0" for JPY, "0.000" for KWD. */
export const amountPlaceholder = (currency: string) => {
  const digits = digitsOf(currency) ?? 2;
  return digits === 0 ? "0" : `0.${"0".repeat(digits)}`;
};

/** The codes most of our venues sell in, offered first. */
export const COMMON_CURRENCIES = ["EGP", "USD", "EUR", "GBP", "SAR", "AED", "KWD", "QAR", "JOD", "JPY"] as const;

/** Every ISO 4217 code this browser formats, sorted. */
export function allCurrencies(): string[] {
  try {
    return Intl.supportedValuesOf("currency");
  } catch {
    return [...COMMON_CURRENCIES];
  }
}
