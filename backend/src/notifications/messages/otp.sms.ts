import type { Locale } from "@ticketrunners/shared";
import type { OtpPurpose } from "../../db/schema";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";
import { translator } from "./i18n";

export interface OtpSmsOptions {
  /** How long the code lives (OTP_TTL_MINUTES, or TRANSFER_CODE_TTL_MINUTES for a transfer code): the SMS states it in minutes. */
  ttlMs: number;
}

/** The code SMS, with the placeholder where the worker puts the code at delivery. */
export function otpSms(purpose: OtpPurpose, locale: Locale, options: OtpSmsOptions): string {
  const t = translator(locale);
  const expiry = t("otpSms.expiry", { count: Math.max(1, Math.floor(options.ttlMs / 60_000)) });
  const key = { register: "otpSms.register", login: "otpSms.login", transfer: "otpSms.transfer" } as const;
  return t(key[purpose], { code: SECRET_PLACEHOLDER, expiry });
}
