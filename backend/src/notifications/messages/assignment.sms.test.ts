import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";
import { assignmentSms, countSegments, MAX_SMS_SEGMENTS } from "./assignment.sms";

const link = `http://tickets.test/signup?token=${SECRET_PLACEHOLDER}`;

describe("the assignment SMS", () => {
  it("says the words the product promises, in both languages", () => {
    const base = { purchaser: "Mona", event: "Cairo Jazz Night", link } as const;
    expect(assignmentSms({ ...base, locale: "en", kind: "claim" })).toBe(
      `Mona bought you a ticket to Cairo Jazz Night. Claim it: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "en", kind: "existing", link: "http://tickets.test/my-tickets" })).toBe(
      "Mona bought you a ticket to Cairo Jazz Night. View it: http://tickets.test/my-tickets",
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim" })).toBe(
      `Mona اشترى لك تذكرة لحضور Cairo Jazz Night. استلمها: ${link}`,
    );
  });

  it("shortens long names, never the link, to stay within three segments", () => {
    for (const locale of ["en", "ar"] as const) {
      const text = assignmentSms({
        locale,
        kind: "claim",
        purchaser: locale === "ar" ? "محمد عبد الرحمن السيد محمود ".repeat(4) : "Mohamed Abdelrahman ".repeat(6),
        event:
          locale === "ar"
            ? "مهرجان القاهرة السنوي لموسيقى الجاز ".repeat(5)
            : "The Annual Cairo Jazz Festival ".repeat(6),
        link,
        sentLinkLength: link.length - SECRET_PLACEHOLDER.length + 43,
      });
      expect(text.endsWith(link)).toBe(true);
      expect(countSegments(text.replace(SECRET_PLACEHOLDER, "x".repeat(43)))).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
    }
  });
});
