import { currencyDigits } from "@ticketrunners/shared";
import { AppError } from "../../shared/app-error";
import { hmacSha256, safeEqual } from "../../shared/hashing";

export const badSignature = () => new AppError("BAD_SIGNATURE", 401, "The signature is missing or does not match.");

/** Constant-time check of a hex HMAC-SHA256 signature. */
export function checkSignature(key: string, message: string, signature: string | undefined): void {
  if (!signature || !safeEqual(hmacSha256(key, message), signature.trim().toLowerCase())) throw badSignature();
}

export const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};

/** Minor units → the decimal string gateways expect ("350.00"; as many decimals as the currency has). */
export const toMajorUnits = (amountMinor: number, currency: string) => {
  const digits = currencyDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
};

/** A gateway's decimal amount → minor units. */
export const toMinorUnits = (amount: unknown, currency: string) =>
  Math.round(Number(amount) * 10 ** currencyDigits(currency));
