import { type CountryCode, parsePhoneNumberFromString } from "libphonenumber-js/max";

/**
 * Normalises a mobile number typed by a person to E.164, or returns undefined when it is not a
 * valid number. `01012345678`, `+20 10 1234 5678` and `00201012345678` are one number (region EG).
 */
export function normalizeMobileNumber(input: string, defaultRegion: string): string | undefined {
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > 32) return undefined;
  // Arabic-Indic and Eastern Arabic-Indic digits typed on Arabic keyboards.
  const western = trimmed
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  const international = western.replace(/^\s*00/, "+");
  const parsed = parsePhoneNumberFromString(international, defaultRegion as CountryCode);
  if (!parsed?.isValid()) return undefined;
  const type = parsed.getType();
  // Tickets arrive by SMS: landlines cannot receive them. Some regions do not distinguish.
  if (type !== undefined && type !== "MOBILE" && type !== "FIXED_LINE_OR_MOBILE") return undefined;
  return parsed.number;
}

/**
 * A number shown to someone it does not belong to: the country code and the first two digits of the
 * national number, then dots, then the last two digits (`+20 11 ••• ••58`).
 */
export function maskMobileNumber(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return "•••";
  const national = String(parsed.nationalNumber);
  return `+${parsed.countryCallingCode} ${national.slice(0, 2)} ••• ••${national.slice(-2)}`;
}
