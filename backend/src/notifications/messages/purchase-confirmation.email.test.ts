import { formatMoney } from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { type PurchaseConfirmationInput, purchaseConfirmationEmail } from "./purchase-confirmation.email";

const input = (n: number, overrides: Partial<PurchaseConfirmationInput> = {}): PurchaseConfirmationInput => ({
  locale: "en",
  buyerName: "Mona",
  event: { name: "Test Concert", venue: "Cairo Opera House", startsAt: new Date("2027-02-14T18:00:00Z") },
  tickets: Array.from({ length: n }, (_, i) => ({
    ticketNumber: `TR-0000-000${i}`,
    categoryName: "VIP",
    forName: i === 0 ? null : "Karim",
  })),
  amountMinor: 30_000 * n,
  currency: "EGP",
  myTicketsUrl: "http://tickets.test/my-tickets",
  ...overrides,
});

describe("the purchase confirmation email", () => {
  it("names one ticket or several in the subject and the intro", () => {
    expect(purchaseConfirmationEmail(input(1)).subject).toBe("Your ticket for Test Concert");
    expect(purchaseConfirmationEmail(input(3)).subject).toBe("Your tickets for Test Concert");
    expect(purchaseConfirmationEmail(input(1)).text).toContain("Here is your ticket:");
    expect(purchaseConfirmationEmail(input(3)).text).toContain("Here are your 3 tickets:");
    expect(purchaseConfirmationEmail(input(2, { locale: "ar" })).subject).toBe("تذكرتاك لفعالية Test Concert");
    expect(purchaseConfirmationEmail(input(2, { locale: "ar" })).text).toContain("شكرًا لشرائك. هاتان تذكرتاك:");
    expect(purchaseConfirmationEmail(input(11, { locale: "ar" })).text).toContain("هذه تذاكرك (11 تذكرة):");
  });

  it("lists whom each ticket is for and the total, whole pounds without decimals", () => {
    const { text } = purchaseConfirmationEmail(input(2));
    expect(text).toContain("• TR-0000-0000 · VIP · for you");
    expect(text).toContain("• TR-0000-0001 · VIP · for Karim");
    expect(text).toContain("Total: EGP\u00a0600");
    expect(purchaseConfirmationEmail(input(1, { amountMinor: 30_050 })).text).toContain("Total: EGP\u00a0300.50");
    expect(purchaseConfirmationEmail(input(1, { locale: "ar" })).text).toContain(
      `الإجمالي: ${formatMoney(30_000, "EGP", "ar")}`,
    );
  });
});
