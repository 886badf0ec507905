import { describe, expect, it } from "vitest";
import { amountPlaceholder, formatMajorAmount, parseMajorAmount } from "./money-input";

describe("prices typed in major units", () => {
  it("reads pounds and piastres into piastres", () => {
    expect(parseMajorAmount("350.50", "EGP")).toBe(35050);
    expect(parseMajorAmount("350.5", "EGP")).toBe(35050);
    expect(parseMajorAmount("350", "EGP")).toBe(35000);
    expect(parseMajorAmount("0", "EGP")).toBe(0);
    expect(parseMajorAmount(" 1,050.05 ", "EGP")).toBe(105005);
    expect(parseMajorAmount("0.10", "EGP")).toBe(10);
  });

  it("counts each currency's own decimals", () => {
    expect(parseMajorAmount("1500", "JPY")).toBe(1500);
    expect(parseMajorAmount("1500.5", "JPY")).toBeUndefined();
    expect(parseMajorAmount("12.250", "KWD")).toBe(12250);
    expect(parseMajorAmount("12.2505", "KWD")).toBeUndefined();
  });

  it("reads Arabic-Indic digits and the Arabic decimal separator", () => {
    expect(parseMajorAmount("٣٥٠٫٥٠", "EGP")).toBe(35050);
    expect(parseMajorAmount("١٬٠٠٠", "EGP")).toBe(100000);
  });

  it("refuses what is not an amount", () => {
    for (const typed of ["", "-5", "1e3", "abc", "3.50.1", "350.505", "Infinity"]) {
      expect(parseMajorAmount(typed, "EGP"), typed).toBeUndefined();
    }
    expect(parseMajorAmount("5", "not-a-currency")).toBeUndefined();
  });

  it("shows minor units back in the box as they would be typed", () => {
    expect(formatMajorAmount(35050, "EGP")).toBe("350.50");
    expect(formatMajorAmount(35000, "EGP")).toBe("350");
    expect(formatMajorAmount(5, "EGP")).toBe("0.05");
    expect(formatMajorAmount(1500, "JPY")).toBe("1500");
    expect(formatMajorAmount(12250, "KWD")).toBe("12.250");
    expect(amountPlaceholder("KWD")).toBe("0.000");
  });
});
