import type { OtpPurpose } from "../../db/schema";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";

type Locale = "en" | "ar";

const texts: Record<Locale, Record<OtpPurpose, string>> = {
  en: {
    register: `${SECRET_PLACEHOLDER} is your TicketRunners sign-up code. It expires in 5 minutes. Never share it.`,
    login: `${SECRET_PLACEHOLDER} is your TicketRunners login code. It expires in 5 minutes. Never share it.`,
  },
  ar: {
    register: `${SECRET_PLACEHOLDER} هو رمز التسجيل في TicketRunners. تنتهي صلاحيته خلال 5 دقائق. لا تشاركه مع أحد.`,
    login: `${SECRET_PLACEHOLDER} هو رمز الدخول إلى TicketRunners. تنتهي صلاحيته خلال 5 دقائق. لا تشاركه مع أحد.`,
  },
};

export function otpSms(purpose: OtpPurpose, locale: Locale): string {
  return texts[locale][purpose];
}
