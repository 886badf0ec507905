import type { Locale } from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { assignmentEmail } from "./assignment.email";
import { giftClaimedEmail } from "./gift-claimed.email";
import { BRAND } from "./layout.email";
import { purchaseConfirmationEmail } from "./purchase-confirmation.email";
import { JAZZ_NIGHT } from "./test-fixtures";
import { welcomeEmail } from "./welcome.email";

const event = JAZZ_NIGHT;
const ticket = { ticketNumber: "TR-0000-0001", categoryName: "VIP" };

const assignment = (locale: Locale) => ({
  locale,
  recipientName: "Nour",
  purchaser: "Mona",
  event,
  tickets: [ticket],
  link: "http://tickets.test/my-tickets",
  linkTtlDays: 7,
});

const every = {
  assignment: (locale: Locale) => assignmentEmail({ ...assignment(locale), kind: "existing" }),
  "assignment reminder": (locale: Locale) =>
    assignmentEmail({ ...assignment(locale), kind: "claim", givenAs: "transfer", reminder: true }),
  "gift claimed": (locale: Locale) =>
    giftClaimedEmail({
      locale,
      senderName: "Mona",
      recipientName: "Nour",
      event,
      tickets: [ticket],
      sentTicketsUrl: "http://tickets.test/my-tickets",
    }),
  welcome: (locale: Locale) => welcomeEmail({ locale, name: "Sara", myTicketsUrl: "http://tickets.test/my-tickets" }),
  "purchase confirmation": (locale: Locale) =>
    purchaseConfirmationEmail({
      locale,
      buyerName: "Mona",
      event,
      tickets: [{ ...ticket, forName: null }],
      amountMinor: 30_000,
      currency: "EGP",
      myTicketsUrl: "http://tickets.test/my-tickets",
    }),
};

// The button's colour: defined once, in the layout.
const BUTTON = "background-color:#5b3df5";

describe.each(Object.entries(every))("the %s email", (_name, render) => {
  it("renders in English, left to right, with the brand header and the button", () => {
    const { html, text } = render("en");
    expect(html).toMatch(/^<!DOCTYPE html/);
    expect(html).toContain('<html dir="ltr" lang="en">');
    expect(html).toContain(BRAND);
    expect(html).toMatch(new RegExp(`<a href="http://tickets.test/my-tickets"[^>]*${BUTTON}`));
    expect(text).toContain(": http://tickets.test/my-tickets");
    // The brand line and the inbox preview are for the HTML only: the text starts with the greeting.
    expect(text).toMatch(/^Hi \w+,\n\n/);
  });

  it("renders in Arabic, right to left, with the same brand header and button", () => {
    const { html } = render("ar");
    expect(html).toContain('<html dir="rtl" lang="ar">');
    expect(html).toContain('<body dir="rtl"');
    expect(html).toContain(BRAND);
    expect(html).toMatch(new RegExp(`<a href="http://tickets.test/my-tickets"[^>]*${BUTTON}`));
  });
});
