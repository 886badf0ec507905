import { parsePhoneNumberFromString } from "libphonenumber-js/max";

/** An E.164 number as people read it: `+201012345678` → `+20 10 12345678`. */
export function formatMobileNumber(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
