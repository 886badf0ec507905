import { describe, expect, it } from "vitest";
import { MINUTE } from "../../shared/clock";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";
import { otpSms } from "./otp.sms";

describe("the code SMS", () => {
  it("says how long the code lives, from the number it is given", () => {
    expect(otpSms("register", "en", { ttlMs: 5 * MINUTE })).toBe(
      `${SECRET_PLACEHOLDER} is your TicketRunners sign-up code. It expires in 5 minutes. Never share it.`,
    );
    expect(otpSms("login", "en", { ttlMs: 10 * MINUTE })).toBe(
      `${SECRET_PLACEHOLDER} is your TicketRunners login code. It expires in 10 minutes. Never share it.`,
    );
    expect(otpSms("login", "en", { ttlMs: MINUTE })).toContain("It expires in 1 minute.");
  });

  it.each([
    [1, "تنتهي صلاحيته خلال دقيقة واحدة."],
    [2, "تنتهي صلاحيته خلال دقيقتين."],
    [5, "تنتهي صلاحيته خلال 5 دقائق."],
    [15, "تنتهي صلاحيته خلال 15 دقيقة."],
    [100, "تنتهي صلاحيته خلال 100 دقيقة."],
  ])("says %i minutes in Arabic with the form Arabic uses for that number", (minutes, expiry) => {
    expect(otpSms("register", "ar", { ttlMs: minutes * MINUTE })).toBe(
      `${SECRET_PLACEHOLDER} هو رمز التسجيل في TicketRunners. ${expiry} لا تشاركه مع أحد.`,
    );
  });
});
