import { CHECKIN_REFUSALS, type CheckinRefused, formatTimeOfDay } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { testTranslator } from "../../i18n/test-translator";
import { refusalWords } from "./scan-words";

let english: TFunction;
let arabic: TFunction;

beforeAll(async () => {
  english = await testTranslator("en");
  arabic = await testTranslator("ar");
});

const refused = (result: CheckinRefused["result"], extra: Partial<CheckinRefused> = {}): CheckinRefused => ({
  result,
  error: { code: "UNKNOWN", message: "" },
  ...extra,
});

describe("refusalWords", () => {
  it("says when (by the event's clock) and by whom a used ticket was checked in", () => {
    // 18:14 UTC is 20:14 in Cairo in February.
    const used = refused("already_used", { checked_in_at: "2027-02-14T18:14:00.000Z", checked_in_by: "Omar" });
    const cairo = (at: string) => formatTimeOfDay(at, "en", "Africa/Cairo");
    const words = refusalWords(used, cairo);
    expect(english(words.title)).toBe("Already used");
    expect(english(words.reason, words.values).replace(/\s/g, " ")).toBe("Checked in at 8:14 PM by <n>Omar</n>.");
    expect(arabic(words.reason, { ...words.values, time: "٨:١٤ م" })).toBe(
      "سُجّل دخولها الساعة ٨:١٤ م بواسطة <n>Omar</n>.",
    );
    expect(english(refusalWords(refused("already_used"), cairo).reason)).toBe("This ticket was already checked in.");
  });

  it("names the event a ticket of another event is for", () => {
    const words = refusalWords(refused("wrong_event", { event_name: "Cairo Jazz Night" }), String);
    expect(english(words.reason, words.values)).toBe("This ticket is for <n>Cairo Jazz Night</n>.");
  });

  it("has a heading and a reason in both languages for every refusal", () => {
    for (const result of CHECKIN_REFUSALS) {
      const words = refusalWords(refused(result), String);
      for (const t of [english, arabic]) {
        expect(t(words.title), result).not.toBe(words.title);
        expect(t(words.reason), result).not.toBe(words.reason);
      }
    }
  });
});
