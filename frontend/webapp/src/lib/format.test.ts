import * as shared from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { formatEventDate, formatEventDateLong, formatMoney, formatTimeOfDay } from "./format";

// Tests of shared/src/format.ts, run here because the webapp project is where shared code's tests run.
const AT = "2027-02-14T18:00:00Z"; // 8 PM in Cairo

describe("formatting", () => {
  it("is the very module the server's emails use", () => {
    expect(formatMoney).toBe(shared.formatMoney);
    expect(formatEventDateLong).toBe(shared.formatEventDateLong);
  });

  it("drops .00 from whole amounts and keeps the piastres otherwise", () => {
    expect(formatMoney(30_000, "EGP", "en")).toBe("EGP\u00a0300");
    expect(formatMoney(30_050, "EGP", "en")).toBe("EGP\u00a0300.50");
    expect(formatMoney(123_456_700, "EGP", "en")).toBe("EGP\u00a01,234,567");
    expect(formatMoney(30_000, "EGP", "ar")).toContain("٣٠٠");
    expect(formatMoney(30_000, "EGP", "ar")).not.toContain("٫");
    expect(formatMoney(30_050, "EGP", "ar")).toContain("٣٠٠٫٥٠");
  });

  it("reads minor units by the currency's own digits", () => {
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
    expect(formatMoney(1_500, "KWD", "en")).toBe("KWD\u00a01.500");
  });

  it("shows event times in Cairo by default, and in the zone it is given", () => {
    expect(formatEventDateLong(AT, "en")).toBe("Sunday, February 14, 2027 at 8:00 PM");
    expect(formatEventDateLong(new Date(AT), "en", "Asia/Dubai")).toBe("Sunday, February 14, 2027 at 10:00 PM");
    expect(formatEventDate(AT, "en")).toBe("Sun, Feb 14, 2027, 8:00 PM");
    expect(formatEventDateLong(AT, "ar")).toBe("الأحد، ١٤ فبراير ٢٠٢٧ في ٨:٠٠ م");
  });

  it("shows a time of day in the zone it is given", () => {
    expect(formatTimeOfDay(AT, "en", "Africa/Cairo")).toBe("8:00 PM");
    expect(formatTimeOfDay(AT, "en", "UTC")).toBe("6:00 PM");
  });
});
