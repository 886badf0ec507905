import { normalizeMobileNumber } from "@ticketrunners/shared";
import fc from "fast-check";
import { garbage } from "./json";

/* What people type into the sign-up, login and gift forms, right and wrong. */

/** A mobile number that is not valid for the default region, whatever the generator came up with. */
export const invalidMobile = garbage.filter(
  (v) => typeof v !== "string" || normalizeMobileNumber(v, "EG") === undefined,
);

/** A fresh, valid Egyptian mobile number in one of the forms people type. */
export const freshMobile = fc
  .tuple(fc.constantFrom("10", "11", "12", "15"), fc.integer({ min: 0, max: 99_999_999 }), fc.nat(3))
  .map(([prefix, n, form]) => {
    const rest = String(n).padStart(8, "0");
    return [
      `0${prefix}${rest}`,
      `+20${prefix}${rest}`,
      `0020 ${prefix} ${rest}`,
      `+20 ${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`,
    ][form] as string;
  });

export const validName = fc.constantFrom("Sara Ali", "محمد", "Zoë O'Brien", "李雷", "A", "👩‍🎤 Star", " padded ");
export const validEmail = fc.constantFrom("sara@example.com", "a.b+c@example.co.uk", "x@y.io");
export const validPassword = fc.string({ unit: "grapheme", minLength: 8, maxLength: 30 });
export const sixDigits = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));
