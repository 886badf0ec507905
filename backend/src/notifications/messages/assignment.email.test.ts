import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";
import { type AssignmentEmailInput, assignmentEmail } from "./assignment.email";
import { JAZZ_NIGHT, vipTickets } from "./test-fixtures";

const CLAIM_LINK = `http://tickets.test/signup?token=${SECRET_PLACEHOLDER}`;

const tickets = vipTickets;

const input = (overrides: Partial<AssignmentEmailInput> = {}): AssignmentEmailInput => ({
  locale: "en",
  kind: "claim",
  recipientName: "Nour",
  purchaser: "Mona",
  event: JAZZ_NIGHT,
  tickets: tickets(1),
  link: CLAIM_LINK,
  linkTtlDays: 7,
  ...overrides,
});

describe("the assignment email", () => {
  it.each([
    [1, "وصلتك تذكرة واحدة اشتراها لك Mona:"],
    [2, "وصلتك تذكرتان اشتراهما لك Mona:"],
    [3, "وصلتك 3 تذاكر اشتراها لك Mona:"],
    [11, "وصلتك 11 تذكرة اشتراها لك Mona:"],
    [100, "وصلتك 100 تذكرة اشتراها لك Mona:"],
  ])("says %i tickets in Arabic with the form Arabic uses for that number", (n, intro) => {
    const email = assignmentEmail(input({ locale: "ar", tickets: tickets(n) }));
    expect(email.text.split("\n")).toContain(intro);
    expect(email.html).toContain(intro);
  });

  it("says the Arabic dual everywhere the two tickets are named", () => {
    const email = assignmentEmail(input({ locale: "ar", tickets: tickets(2) }));
    expect(email.text).toContain("أنشئ حسابك بهذا الرقم لاستلامهما.");
    expect(email.text).toContain(`استلم تذكرتيك: ${CLAIM_LINK}`);
    const existing = assignmentEmail(input({ locale: "ar", kind: "existing", tickets: tickets(2), link: "x" }));
    expect(existing.text).toContain("التذكرتان موجودتان بالفعل في حسابك.");
  });

  it("says a ticket for one and N tickets for more in English", () => {
    const one = assignmentEmail(input());
    expect(one.text).toContain("Mona bought you a ticket:");
    expect(one.text).toContain("Create your account with this mobile number to claim it.");
    expect(one.text).toContain(`Claim your ticket: ${CLAIM_LINK}`);
    const two = assignmentEmail(input({ tickets: tickets(2) }));
    expect(two.text).toContain("Mona bought you 2 tickets:");
    expect(two.text).toContain("to claim them.");
    expect(two.text).toContain(`Claim your tickets: ${CLAIM_LINK}`);
  });

  it("keeps the subject the product promises, in both languages", () => {
    expect(assignmentEmail(input({ tickets: tickets(3) })).subject).toBe("Ticket Purchased for You - Cairo Jazz Night");
    expect(assignmentEmail(input({ locale: "ar" })).subject).toBe("تذكرة تم شراؤها لك - Cairo Jazz Night");
  });

  it("says how many days the claim link lives, from the configured number", () => {
    expect(assignmentEmail(input({ linkTtlDays: 7 })).text).toContain("expires in 7 days.");
    expect(assignmentEmail(input({ linkTtlDays: 1 })).text).toContain("expires in 1 day.");
    expect(assignmentEmail(input({ locale: "ar", linkTtlDays: 7 })).text).toContain("خلال 7 أيام.");
    expect(assignmentEmail(input({ locale: "ar", linkTtlDays: 14 })).text).toContain("خلال 14 يومًا.");
    expect(assignmentEmail(input({ locale: "ar", linkTtlDays: 2 })).text).toContain("خلال يومين.");
    expect(assignmentEmail(input({ locale: "ar", linkTtlDays: 1 })).text).toContain("خلال يوم واحد.");
  });

  it("keeps the secret placeholder in the button link and in the text", () => {
    for (const locale of ["en", "ar"] as const) {
      const email = assignmentEmail(input({ locale }));
      expect(email.html).toContain(`href="${CLAIM_LINK}"`);
      expect(email.text).toContain(CLAIM_LINK);
    }
  });

  it("lists the event, its date in Cairo time, the venue and every ticket", () => {
    const email = assignmentEmail(input({ tickets: tickets(2) }));
    expect(email.text).toContain("Cairo Jazz Night");
    expect(email.text).toContain("When: Sunday, February 14, 2027 at 8:00 PM");
    expect(email.text).toContain("Where: Cairo Opera House");
    expect(email.text).toContain("• TR-0000-0000 · VIP");
    expect(email.text).toContain("• TR-0000-0001 · VIP");
  });

  it("tells an existing customer to look in My Tickets, with no claim words", () => {
    const email = assignmentEmail(input({ kind: "existing", link: "http://tickets.test/my-tickets" }));
    expect(email.text).toContain("It is already in your account.");
    expect(email.text).toContain("View My Tickets: http://tickets.test/my-tickets");
    expect(email.text).not.toContain("expires");
  });

  it("greets a recipient without a name plainly", () => {
    expect(assignmentEmail(input({ recipientName: null })).text.startsWith("Hi,\n")).toBe(true);
    expect(assignmentEmail(input({ locale: "ar", recipientName: null })).text.startsWith("مرحبًا،\n")).toBe(true);
  });

  it("shows a name as typed, never as markup", () => {
    const email = assignmentEmail(input({ purchaser: '<b>Mona</b> & "Co" {{secret}}' }));
    expect(email.html).not.toContain("<b>Mona</b>");
    expect(email.html).toContain("&lt;b&gt;Mona&lt;/b&gt; &amp;");
    expect(email.text).toContain('<b>Mona</b> & "Co" {{secret}} bought you a ticket:');
  });

  describe("for a ticket passed on", () => {
    const transfer = (overrides: Partial<AssignmentEmailInput> = {}) =>
      assignmentEmail(input({ givenAs: "transfer", ...overrides }));

    it("has its own subject, in both languages", () => {
      expect(transfer().subject).toBe("Ticket Sent to You - Cairo Jazz Night");
      expect(transfer({ tickets: tickets(3) }).subject).toBe("Ticket Sent to You - Cairo Jazz Night");
      expect(transfer({ locale: "ar" }).subject).toBe("تذكرة تم إرسالها إليك - Cairo Jazz Night");
    });

    it("says the sender sent the tickets, one or several, in English", () => {
      expect(transfer().text).toContain("Mona sent you a ticket:");
      expect(transfer({ tickets: tickets(2) }).text).toContain("Mona sent you 2 tickets:");
      expect(transfer().text).not.toContain("bought");
      const existing = transfer({ kind: "existing", link: "http://tickets.test/my-tickets" });
      expect(existing.text).toContain("It is already in your account.");
      expect(existing.text).toContain("View My Tickets: http://tickets.test/my-tickets");
    });

    it.each([
      [1, "وصلتك تذكرة واحدة أرسلها لك Mona:"],
      [2, "وصلتك تذكرتان أرسلهما لك Mona:"],
      [3, "وصلتك 3 تذاكر أرسلها لك Mona:"],
      [11, "وصلتك 11 تذكرة أرسلها لك Mona:"],
      [100, "وصلتك 100 تذكرة أرسلها لك Mona:"],
    ])("says %i sent tickets in Arabic with the form Arabic uses for that number", (n, intro) => {
      const email = transfer({ locale: "ar", tickets: tickets(n) });
      expect(email.text.split("\n")).toContain(intro);
      expect(email.html).toContain(intro);
      expect(email.html).toContain('<html dir="rtl" lang="ar">');
    });
  });

  describe("as a reminder", () => {
    const reminder = (overrides: Partial<AssignmentEmailInput> = {}) =>
      assignmentEmail(input({ reminder: true, ...overrides }));

    it("says the ticket is waiting in the subject, one or several, in both languages", () => {
      expect(reminder().subject).toBe("Reminder: your ticket to Cairo Jazz Night is waiting");
      expect(reminder({ givenAs: "transfer" }).subject).toBe("Reminder: your ticket to Cairo Jazz Night is waiting");
      expect(reminder({ tickets: tickets(3) }).subject).toBe(
        "Reminder: your 3 tickets to Cairo Jazz Night are waiting",
      );
    });

    it.each([
      [1, "تذكير: تذكرتك لحضور Cairo Jazz Night بانتظارك"],
      [2, "تذكير: تذكرتاك لحضور Cairo Jazz Night بانتظارك"],
      [3, "تذكير: تذاكرك (3 تذاكر) لحضور Cairo Jazz Night بانتظارك"],
      [11, "تذكير: تذاكرك (11 تذكرة) لحضور Cairo Jazz Night بانتظارك"],
      [100, "تذكير: تذاكرك (100 تذكرة) لحضور Cairo Jazz Night بانتظارك"],
    ])("names %i waiting tickets in the Arabic subject", (n, subject) => {
      expect(reminder({ locale: "ar", tickets: tickets(n) }).subject).toBe(subject);
    });

    it("says who bought or sent them and that they still wait, in English", () => {
      expect(reminder().text).toContain("A reminder: Mona bought you a ticket, and it is still waiting for you:");
      expect(reminder({ tickets: tickets(2) }).text).toContain(
        "A reminder: Mona bought you 2 tickets, and they are still waiting for you:",
      );
      expect(reminder({ givenAs: "transfer" }).text).toContain(
        "A reminder: Mona sent you a ticket, and it is still waiting for you:",
      );
      expect(reminder({ givenAs: "transfer", tickets: tickets(2) }).text).toContain(
        "A reminder: Mona sent you 2 tickets, and they are still waiting for you:",
      );
    });

    it.each([
      [1, "تذكير: اشترى لك Mona تذكرة واحدة وما زالت بانتظارك:", "تذكير: أرسل لك Mona تذكرة واحدة وما زالت بانتظارك:"],
      [2, "تذكير: اشترى لك Mona تذكرتين وما زالتا بانتظارك:", "تذكير: أرسل لك Mona تذكرتين وما زالتا بانتظارك:"],
      [3, "تذكير: اشترى لك Mona 3 تذاكر وما زالت بانتظارك:", "تذكير: أرسل لك Mona 3 تذاكر وما زالت بانتظارك:"],
      [11, "تذكير: اشترى لك Mona 11 تذكرة وما زالت بانتظارك:", "تذكير: أرسل لك Mona 11 تذكرة وما زالت بانتظارك:"],
      [100, "تذكير: اشترى لك Mona 100 تذكرة وما زالت بانتظارك:", "تذكير: أرسل لك Mona 100 تذكرة وما زالت بانتظارك:"],
    ])("reminds of %i tickets in Arabic with the form Arabic uses for that number", (n, purchase, transfer) => {
      expect(reminder({ locale: "ar", tickets: tickets(n) }).text.split("\n")).toContain(purchase);
      expect(reminder({ locale: "ar", givenAs: "transfer", tickets: tickets(n) }).text.split("\n")).toContain(transfer);
    });

    it("always asks to claim, with the fresh link that replaces the earlier ones", () => {
      for (const kind of ["claim", "existing"] as const) {
        const email = reminder({ kind, tickets: tickets(2) });
        expect(email.text).toContain("Create your account with this mobile number to claim them.");
        expect(email.text).toContain("This link replaces any link we sent you before.");
        expect(email.text).toContain(`Claim your tickets: ${CLAIM_LINK}`);
        expect(email.text).not.toContain("already in your account");
      }
      const ar = reminder({ locale: "ar", tickets: tickets(2) });
      expect(ar.text).toContain("هذا الرابط يحل محل أي رابط أرسلناه إليك من قبل.");
      expect(ar.text).toContain(`استلم تذكرتيك: ${CLAIM_LINK}`);
      expect(ar.html).toContain('<html dir="rtl" lang="ar">');
    });

    it("keeps the {{secret}} placeholder in the reminder's link, HTML and text, in both languages", () => {
      expect(SECRET_PLACEHOLDER).toBe("{{secret}}");
      for (const locale of ["en", "ar"] as const) {
        for (const givenAs of ["purchase", "transfer"] as const) {
          const email = reminder({ locale, givenAs });
          expect(email.html).toContain(`href="http://tickets.test/signup?token={{secret}}"`);
          expect(email.text).toContain("http://tickets.test/signup?token={{secret}}");
        }
      }
    });
  });

  it("reads the same as today for an explicit purchase without a reminder", () => {
    for (const locale of ["en", "ar"] as const) {
      for (const kind of ["claim", "existing"] as const) {
        const today = assignmentEmail(input({ locale, kind }));
        expect(assignmentEmail(input({ locale, kind, givenAs: "purchase", reminder: false }))).toEqual(today);
      }
    }
  });

  it("shows the event time in the event's own time zone when it has one", () => {
    const event = { ...input().event, timeZone: "Asia/Dubai" };
    expect(assignmentEmail(input({ event })).text).toContain("When: Sunday, February 14, 2027 at 10:00 PM");
    expect(assignmentEmail(input({ event, reminder: true })).text).toContain("at 10:00 PM");
    expect(assignmentEmail(input({ event: { ...event, timeZone: "Africa/Cairo" } })).text).toContain("at 8:00 PM");
  });
});
