import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";
import { type AssignmentSmsInput, assignmentSms, countSegments, MAX_SMS_SEGMENTS } from "./assignment.sms";

const link = `http://tickets.test/signup?token=${SECRET_PLACEHOLDER}`;
const myTickets = "http://tickets.test/my-tickets";
const TOKEN_LENGTH = 43;
const sentLinkLength = link.length - SECRET_PLACEHOLDER.length + TOKEN_LENGTH;
/** The SMS as the phone receives it: the worker puts a 43-character token where the placeholder is. */
const delivered = (text: string) => text.replace(SECRET_PLACEHOLDER, "x".repeat(TOKEN_LENGTH));

const base = { purchaser: "Mona", event: "Cairo Jazz Night", link } as const;

describe("the assignment SMS", () => {
  it("says the words the product promises, in both languages", () => {
    expect(assignmentSms({ ...base, locale: "en", kind: "claim" })).toBe(
      `Mona bought you a ticket to Cairo Jazz Night. Claim it: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "en", kind: "existing", link: myTickets })).toBe(
      `Mona bought you a ticket to Cairo Jazz Night. View it: ${myTickets}`,
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim" })).toBe(
      `Mona اشترى لك تذكرة لحضور Cairo Jazz Night. استلمها: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "existing", link: myTickets })).toBe(
      `Mona اشترى لك تذكرة لحضور Cairo Jazz Night. شاهدها: ${myTickets}`,
    );
  });

  it("reads the same for an explicit purchase, one ticket, no reminder", () => {
    for (const locale of ["en", "ar"] as const) {
      for (const kind of ["claim", "existing"] as const) {
        const today = assignmentSms({ ...base, locale, kind });
        expect(assignmentSms({ ...base, locale, kind, givenAs: "purchase", reminder: false, ticketCount: 1 })).toBe(
          today,
        );
      }
    }
  });

  it("says the sender sent the ticket when it was passed on", () => {
    expect(assignmentSms({ ...base, locale: "en", kind: "claim", givenAs: "transfer" })).toBe(
      `Mona sent you a ticket to Cairo Jazz Night. Claim it: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "en", kind: "existing", givenAs: "transfer", link: myTickets })).toBe(
      `Mona sent you a ticket to Cairo Jazz Night. View it: ${myTickets}`,
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim", givenAs: "transfer" })).toBe(
      `Mona أرسل لك تذكرة لحضور Cairo Jazz Night. استلمها: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "existing", givenAs: "transfer", link: myTickets })).toBe(
      `Mona أرسل لك تذكرة لحضور Cairo Jazz Night. شاهدها: ${myTickets}`,
    );
  });

  it("reminds with a claim link, for gifts and for transfers, in both languages", () => {
    expect(assignmentSms({ ...base, locale: "en", kind: "claim", reminder: true })).toBe(
      `Reminder: Mona bought you a ticket to Cairo Jazz Night and it is still waiting for you. Claim it: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "en", kind: "claim", givenAs: "transfer", reminder: true })).toBe(
      `Reminder: Mona sent you a ticket to Cairo Jazz Night and it is still waiting for you. Claim it: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim", reminder: true })).toBe(
      `تذكير: Mona اشترى لك تذكرة لحضور Cairo Jazz Night وما زالت بانتظارك. استلمها: ${link}`,
    );
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim", givenAs: "transfer", reminder: true })).toBe(
      `تذكير: Mona أرسل لك تذكرة لحضور Cairo Jazz Night وما زالت بانتظارك. استلمها: ${link}`,
    );
    // A reminder is about a waiting ticket: it never says "View it", whatever kind it is given.
    expect(assignmentSms({ ...base, locale: "en", kind: "existing", reminder: true })).toContain(`Claim it: ${link}`);
  });

  it("keeps the secret placeholder of the reminder's fresh link as it is", () => {
    for (const locale of ["en", "ar"] as const) {
      for (const givenAs of ["purchase", "transfer"] as const) {
        const text = assignmentSms({ ...base, locale, kind: "claim", givenAs, reminder: true, sentLinkLength });
        expect(text.endsWith(` ${link}`)).toBe(true);
        expect(text).toContain("{{secret}}");
      }
    }
  });

  it("counts several tickets in English", () => {
    expect(assignmentSms({ ...base, locale: "en", kind: "claim", ticketCount: 3 })).toBe(
      `Mona bought you 3 tickets to Cairo Jazz Night. Claim them: ${link}`,
    );
    expect(
      assignmentSms({ ...base, locale: "en", kind: "existing", givenAs: "transfer", ticketCount: 2, link: myTickets }),
    ).toBe(`Mona sent you 2 tickets to Cairo Jazz Night. View them: ${myTickets}`);
    expect(assignmentSms({ ...base, locale: "en", kind: "claim", reminder: true, ticketCount: 2 })).toBe(
      `Reminder: Mona bought you 2 tickets to Cairo Jazz Night and they are still waiting for you. Claim them: ${link}`,
    );
  });

  it.each([
    [1, "Mona اشترى لك تذكرة لحضور Cairo Jazz Night. استلمها:", "Mona أرسل لك تذكرة لحضور Cairo Jazz Night. استلمها:"],
    [
      2,
      "Mona اشترى لك تذكرتين لحضور Cairo Jazz Night. استلمهما:",
      "Mona أرسل لك تذكرتين لحضور Cairo Jazz Night. استلمهما:",
    ],
    [
      3,
      "Mona اشترى لك 3 تذاكر لحضور Cairo Jazz Night. استلمها:",
      "Mona أرسل لك 3 تذاكر لحضور Cairo Jazz Night. استلمها:",
    ],
    [
      11,
      "Mona اشترى لك 11 تذكرة لحضور Cairo Jazz Night. استلمها:",
      "Mona أرسل لك 11 تذكرة لحضور Cairo Jazz Night. استلمها:",
    ],
    [
      100,
      "Mona اشترى لك 100 تذكرة لحضور Cairo Jazz Night. استلمها:",
      "Mona أرسل لك 100 تذكرة لحضور Cairo Jazz Night. استلمها:",
    ],
  ])("counts %i tickets in Arabic with the form Arabic uses for that number", (ticketCount, purchase, transfer) => {
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim", ticketCount })).toBe(`${purchase} ${link}`);
    expect(assignmentSms({ ...base, locale: "ar", kind: "claim", givenAs: "transfer", ticketCount })).toBe(
      `${transfer} ${link}`,
    );
  });

  it.each([
    [1, "تذكير: Mona أرسل لك تذكرة لحضور Cairo Jazz Night وما زالت بانتظارك. استلمها:"],
    [2, "تذكير: Mona أرسل لك تذكرتين لحضور Cairo Jazz Night وما زالتا بانتظارك. استلمهما:"],
    [3, "تذكير: Mona أرسل لك 3 تذاكر لحضور Cairo Jazz Night وما زالت بانتظارك. استلمها:"],
    [11, "تذكير: Mona أرسل لك 11 تذكرة لحضور Cairo Jazz Night وما زالت بانتظارك. استلمها:"],
    [100, "تذكير: Mona أرسل لك 100 تذكرة لحضور Cairo Jazz Night وما زالت بانتظارك. استلمها:"],
  ])("reminds of %i tickets in Arabic with the form Arabic uses for that number", (ticketCount, text) => {
    expect(
      assignmentSms({ ...base, locale: "ar", kind: "claim", givenAs: "transfer", reminder: true, ticketCount }),
    ).toBe(`${text} ${link}`);
  });

  it("counts the existing-customer message in Arabic too", () => {
    const sms = (ticketCount: number) =>
      assignmentSms({ ...base, locale: "ar", kind: "existing", link: myTickets, ticketCount });
    expect(sms(2)).toBe(`Mona اشترى لك تذكرتين لحضور Cairo Jazz Night. شاهدهما: ${myTickets}`);
    expect(sms(11)).toBe(`Mona اشترى لك 11 تذكرة لحضور Cairo Jazz Night. شاهدها: ${myTickets}`);
  });

  describe("within three segments, the link whole", () => {
    // A 60-character event name and a long sender name, as the purchase flow's own test uses.
    const names = {
      en: {
        event: "The Extraordinarily Long Annual Cairo Jazz & Soul Festival!!",
        sender: "Mohamed Abdelrahman El-Sayed Mahmoud Ibrahim",
      },
      ar: {
        event: "مهرجان القاهرة السنوي الطويل جدًا لموسيقى الجاز والسول العربي",
        sender: "محمد عبد الرحمن السيد محمود إبراهيم",
      },
    } as const;
    const cases = (["en", "ar"] as const).flatMap((locale) =>
      (["purchase", "transfer"] as const).flatMap((givenAs) =>
        [
          { kind: "claim", reminder: false },
          { kind: "existing", reminder: false },
          { kind: "claim", reminder: true },
        ].flatMap(({ kind, reminder }) =>
          [1, 2, 100].map((ticketCount) => ({
            locale,
            givenAs,
            kind: kind as AssignmentSmsInput["kind"],
            reminder,
            ticketCount,
          })),
        ),
      ),
    );

    it("the test names are as long as promised", () => {
      expect([...names.en.event].length).toBe(60);
      expect([...names.ar.event].length).toBeGreaterThanOrEqual(60);
    });

    it.each(cases)("$locale $givenAs $kind reminder=$reminder ×$ticketCount", (c) => {
      const theLink = c.kind === "existing" && !c.reminder ? myTickets : link;
      const text = assignmentSms({
        ...c,
        purchaser: names[c.locale].sender,
        event: names[c.locale].event,
        link: theLink,
        sentLinkLength: theLink === link ? sentLinkLength : theLink.length,
      });
      expect(text.endsWith(` ${theLink}`)).toBe(true);
      expect(countSegments(delivered(text))).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
      // Shortened only as far as needed: both names keep a recognisable start.
      const { sender, event } = names[c.locale];
      expect(text).toContain([...sender].slice(0, 4).join(""));
      expect(text).toContain([...event].slice(0, 8).join(""));
      if (c.reminder) expect(text.startsWith(c.locale === "ar" ? "تذكير: " : "Reminder: ")).toBe(true);
    });

    it("leaves names whole when they fit", () => {
      const text = assignmentSms({
        locale: "en",
        kind: "claim",
        givenAs: "transfer",
        reminder: true,
        purchaser: names.en.sender,
        event: names.en.event,
        link,
        sentLinkLength,
      });
      expect(countSegments(delivered(text))).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
      expect(text).toContain(names.en.sender);
      expect(text).toContain(names.en.event);
    });

    it("shortens the longer name first, never the link, and an Arabic SMS counts as UCS-2", () => {
      for (const locale of ["en", "ar"] as const) {
        const text = assignmentSms({
          locale,
          kind: "claim",
          reminder: true,
          purchaser: locale === "ar" ? "محمد عبد الرحمن السيد محمود ".repeat(4) : "Mohamed Abdelrahman ".repeat(6),
          event:
            locale === "ar"
              ? "مهرجان القاهرة السنوي لموسيقى الجاز ".repeat(5)
              : "The Annual Cairo Jazz Festival ".repeat(6),
          link,
          sentLinkLength,
        });
        expect(text.endsWith(link)).toBe(true);
        const segments = countSegments(delivered(text));
        expect(segments).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
        // Cut just enough: the text fills the third segment (UCS-2: 67 a segment; GSM-7: 153).
        expect(delivered(text).length).toBeGreaterThan(locale === "ar" ? 2 * 67 : 2 * 153);
        expect(text).toContain(locale === "ar" ? "…" : "...");
      }
    });

    it("keeps a Latin message in GSM-7: the ellipsis is three dots", () => {
      const text = assignmentSms({
        locale: "en",
        kind: "claim",
        purchaser: "Mohamed Abdelrahman ".repeat(6),
        event: "The Annual Cairo Jazz Festival ".repeat(6),
        link,
        sentLinkLength,
      });
      expect(text).not.toContain("…");
      expect(delivered(text).length).toBeGreaterThan(3 * 67);
      expect(countSegments(delivered(text))).toBeLessThanOrEqual(MAX_SMS_SEGMENTS);
    });
  });
});
