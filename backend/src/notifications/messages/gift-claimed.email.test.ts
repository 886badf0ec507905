import { describe, expect, it } from "vitest";
import { type GiftClaimedEmailInput, giftClaimedEmail } from "./gift-claimed.email";
import { JAZZ_NIGHT, vipTickets } from "./test-fixtures";

const SENT = "http://tickets.test/my-tickets?tab=sent";

const tickets = vipTickets;

const input = (overrides: Partial<GiftClaimedEmailInput> = {}): GiftClaimedEmailInput => ({
  locale: "en",
  senderName: "Mona",
  recipientName: "Nour Hassan",
  event: JAZZ_NIGHT,
  tickets: tickets(1),
  sentTicketsUrl: SENT,
  ...overrides,
});

describe("the email to the sender when their gift or transfer is claimed", () => {
  it("names who has the ticket now in the subject, one ticket or several", () => {
    expect(giftClaimedEmail(input()).subject).toBe("Nour Hassan now has your ticket to Cairo Jazz Night");
    expect(giftClaimedEmail(input({ tickets: tickets(2) })).subject).toBe(
      "Nour Hassan now has your 2 tickets to Cairo Jazz Night",
    );
  });

  it("says which tickets, for which event, and links to the Sent tab, in English", () => {
    const one = giftClaimedEmail(input());
    expect(one.text).toBe(
      [
        "Hi Mona,",
        "",
        "Nour Hassan claimed the ticket you sent:",
        "",
        "Cairo Jazz Night",
        "When: Sunday, February 14, 2027 at 8:00 PM",
        "Where: Cairo Opera House",
        "",
        "• TR-0000-0000 · VIP",
        "",
        "It is theirs now: you can no longer send it to another number or cancel it.",
        "",
        `Open Sent in My Tickets: ${SENT}`,
        "",
      ].join("\n"),
    );
    const three = giftClaimedEmail(input({ tickets: tickets(3) }));
    expect(three.text).toContain("Nour Hassan claimed the 3 tickets you sent:");
    expect(three.text).toContain("• TR-0000-0002 · VIP");
    expect(three.text).toContain("They are theirs now: you can no longer send them to another number or cancel them.");
    expect(one.html).toContain('<html dir="ltr" lang="en">');
    expect(one.html).toMatch(new RegExp(`<a href="${SENT.replace(/[?]/g, "\\?")}"[^>]*background-color:#5b3df5`));
  });

  it.each([
    [
      1,
      "تذكرتك لحضور Cairo Jazz Night أصبحت الآن لدى Nour Hassan",
      "استُلمت التذكرة التي أرسلتها إلى Nour Hassan:",
      "لم يعد بإمكانك الآن إرسالها إلى رقم آخر أو إلغاؤها.",
    ],
    [
      2,
      "تذكرتاك لحضور Cairo Jazz Night أصبحتا الآن لدى Nour Hassan",
      "استُلمت التذكرتان اللتان أرسلتهما إلى Nour Hassan:",
      "لم يعد بإمكانك الآن إرسالهما إلى رقم آخر أو إلغاؤهما.",
    ],
    [
      3,
      "تذاكرك (3 تذاكر) لحضور Cairo Jazz Night أصبحت الآن لدى Nour Hassan",
      "استُلمت 3 تذاكر أرسلتها إلى Nour Hassan:",
      "لم يعد بإمكانك الآن إرسالها إلى رقم آخر أو إلغاؤها.",
    ],
    [
      11,
      "تذاكرك (11 تذكرة) لحضور Cairo Jazz Night أصبحت الآن لدى Nour Hassan",
      "استُلمت 11 تذكرة أرسلتها إلى Nour Hassan:",
      "لم يعد بإمكانك الآن إرسالها إلى رقم آخر أو إلغاؤها.",
    ],
    [
      100,
      "تذاكرك (100 تذكرة) لحضور Cairo Jazz Night أصبحت الآن لدى Nour Hassan",
      "استُلمت 100 تذكرة أرسلتها إلى Nour Hassan:",
      "لم يعد بإمكانك الآن إرسالها إلى رقم آخر أو إلغاؤها.",
    ],
  ])("says %i claimed tickets in Arabic with the form Arabic uses for that number", (n, subject, intro, final) => {
    const email = giftClaimedEmail(input({ locale: "ar", tickets: tickets(n) }));
    expect(email.subject).toBe(subject);
    const lines = email.text.split("\n");
    expect(lines).toContain(intro);
    expect(lines).toContain(final);
    expect(email.html).toContain(intro);
  });

  it("renders Arabic right to left, with the Sent tab's button", () => {
    const email = giftClaimedEmail(input({ locale: "ar" }));
    expect(email.html).toContain('<html dir="rtl" lang="ar">');
    expect(email.html).toContain('<body dir="rtl"');
    expect(email.text.startsWith("مرحبًا Mona،\n")).toBe(true);
    expect(email.text).toContain("الموعد: الأحد، ١٤ فبراير ٢٠٢٧ في ٨:٠٠ م");
    expect(email.text).toContain("المكان: Cairo Opera House");
    expect(email.text).toContain(`افتح «المُرسَلة» في «تذاكري»: ${SENT}`);
  });

  it("shows the event time in the event's own time zone, Cairo by default", () => {
    const event = { ...input().event, timeZone: "Asia/Dubai" };
    expect(giftClaimedEmail(input({ event })).text).toContain("When: Sunday, February 14, 2027 at 10:00 PM");
    expect(giftClaimedEmail(input()).text).toContain("at 8:00 PM");
  });

  it("greets a sender without a name plainly", () => {
    expect(giftClaimedEmail(input({ senderName: null })).text.startsWith("Hi,\n")).toBe(true);
    expect(giftClaimedEmail(input({ senderName: undefined, locale: "ar" })).text.startsWith("مرحبًا،\n")).toBe(true);
  });

  it("shows a name as typed, never as markup or a template", () => {
    const email = giftClaimedEmail(input({ recipientName: "<i>Nour</i> & {{event}}" }));
    expect(email.subject).toBe("<i>Nour</i> & {{event}} now has your ticket to Cairo Jazz Night");
    expect(email.html).not.toContain("<i>Nour</i>");
    expect(email.html).toContain("&lt;i&gt;Nour&lt;/i&gt; &amp; {{event}}");
  });
});
