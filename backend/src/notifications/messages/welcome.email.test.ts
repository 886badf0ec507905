import type { Locale } from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { type WelcomeTicket, welcomeEmail } from "./welcome.email";

const tickets = (n: number): WelcomeTicket[] =>
  Array.from({ length: n }, (_, i) => ({
    ticketNumber: `TR-0000-${String(i).padStart(4, "0")}`,
    eventName: "Cairo Jazz Night",
    startsAt: new Date("2027-02-14T18:00:00Z"),
    categoryName: "VIP",
    purchaserName: "Mona",
  }));

const render = (locale: Locale, n: number) =>
  welcomeEmail({ locale, name: "Sara", myTicketsUrl: "http://tickets.test/my-tickets", tickets: tickets(n) });

describe("the welcome email", () => {
  it.each([
    [1, "كانت بانتظارك تذكرة واحدة وأصبحت لك:"],
    [2, "كانت بانتظارك تذكرتان وأصبحتا لك:"],
    [3, "كانت بانتظارك 3 تذاكر وأصبحت لك:"],
    [11, "كانت بانتظارك 11 تذكرة وأصبحت لك:"],
    [100, "كانت بانتظارك 100 تذكرة وأصبحت لك:"],
  ])("says %i waiting tickets in Arabic with the form Arabic uses for that number", (n, line) => {
    const email = render("ar", n);
    expect(email.text.split("\n")).toContain(line);
    expect(email.html).toContain(line);
  });

  it("says this ticket for one and these N tickets for more in English", () => {
    expect(render("en", 1).text).toContain("This ticket was waiting for you and is now yours:");
    expect(render("en", 2).text).toContain("These 2 tickets were waiting for you and are now yours:");
  });

  it("lists each waiting ticket with its event, Cairo date, category, number and buyer", () => {
    expect(render("en", 1).text).toContain(
      "• Cairo Jazz Night — Sunday, February 14, 2027 at 8:00 PM — VIP — TR-0000-0000 (from Mona)",
    );
    expect(render("ar", 1).text).toContain(
      "• Cairo Jazz Night — الأحد، ١٤ فبراير ٢٠٢٧ في ٨:٠٠ م — VIP — TR-0000-0000 (من Mona)",
    );
  });

  it("shows an event time in the event's own time zone when it has one", () => {
    const email = welcomeEmail({
      locale: "en",
      name: "Sara",
      myTicketsUrl: "http://tickets.test/my-tickets",
      tickets: [{ ...(tickets(1)[0] as WelcomeTicket), timeZone: "Asia/Dubai" }],
    });
    expect(email.text).toContain("at 10:00 PM");
  });

  it("says nothing about waiting tickets when there were none", () => {
    const email = render("en", 0);
    expect(email.subject).toBe("Welcome to TicketRunners");
    expect(email.text).toBe(
      [
        "Hi Sara,",
        "",
        "Your TicketRunners account is ready. Your tickets will always be in My Tickets.",
        "",
        "Open My Tickets: http://tickets.test/my-tickets",
        "",
      ].join("\n"),
    );
  });
});
