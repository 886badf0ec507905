import { describe, expect, it } from "vitest";
import { SECRET_PLACEHOLDER } from "../sealed-secrets";
import { type AssignmentEmailInput, assignmentEmail } from "./assignment.email";

const CLAIM_LINK = `http://tickets.test/signup?token=${SECRET_PLACEHOLDER}`;

const tickets = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ ticketNumber: `TR-0000-${String(i).padStart(4, "0")}`, categoryName: "VIP" }));

const input = (overrides: Partial<AssignmentEmailInput> = {}): AssignmentEmailInput => ({
  locale: "en",
  kind: "claim",
  recipientName: "Nour",
  purchaser: "Mona",
  event: { name: "Cairo Jazz Night", venue: "Cairo Opera House", startsAt: new Date("2027-02-14T18:00:00Z") },
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
});
