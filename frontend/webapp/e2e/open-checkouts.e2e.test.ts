import { describe, expect } from "vitest";
import { closeCheckedPage } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { fillBooking, openEvent, remaining, signedInPerson, textOf } from "./support/flows";
import { openCheckoutThroughApi } from "./support/people";

// A checkout holds its seats until it is paid, declined or expires; the buyer may also cancel it, and
// may have at most 3 open at once.

const EVENT = "Cairo Jazz Night";

describe("open checkouts", () => {
  it("cancels a checkout from the return page: it says cancelled, and the seats are back on the event page", async ({
    server,
    browser,
  }) => {
    const { page } = await signedInPerson(server, browser, "Mona");
    await openEvent(page, server, EVENT);
    const before = await remaining(page, "VIP");

    await fillBooking(page, { event: EVENT, category: "VIP", tickets: ["me", "me"] });
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/payments\/sandbox\/checkout\//);
    const checkoutUrl = page.url();
    const transactionId = new URL(checkoutUrl).pathname.split("/").pop() ?? "";

    // Back on the event page without paying: the seats are held, and the checkout is offered.
    await page.goBack();
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();
    const open = page.getByTestId("open-checkouts");
    await open.getByRole("heading", { name: "You have a checkout waiting for payment" }).waitFor();
    const row = open.locator(`[data-testid="open-checkout"][data-transaction-id="${transactionId}"]`);
    expect(await textOf(row)).toContain(`${EVENT} · 2 tickets · EGP 1,800`);
    expect(await textOf(row)).toContain("Held until");
    expect(await remaining(page, "VIP")).toBe(before - 2);
    await row.getByRole("link", { name: "Continue to payment" }).click();
    await page.waitForURL(checkoutUrl);

    // The gateway sends the buyer back without a payment (no signed parameters): still pending.
    await page.goto(`${server.baseUrl}/payments/confirmation?transaction_id=${transactionId}`);
    const pending = page.locator('[data-testid="payment-status"][data-status="pending"]');
    await pending.waitFor();
    const [cancelled] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith(`/payments/${transactionId}/cancel/`)),
      pending.getByRole("button", { name: "Cancel" }).click(),
    ]);
    expect(cancelled.status()).toBe(200);
    const outcome = page.locator('[data-testid="payment-status"][data-status="cancelled"]');
    await outcome.getByRole("heading", { name: "Checkout cancelled — the seats were released" }).waitFor();
    expect(await textOf(outcome)).toContain("You were not charged.");

    // The seats are on sale again, and nothing is left to pay for.
    await outcome.getByRole("link", { name: "Back to the event" }).click();
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();
    await expect.poll(() => remaining(page, "VIP")).toBe(before);
    expect(await page.getByTestId("open-checkouts").count()).toBe(0);

    // The gateway's page agrees: there is nothing to pay any more.
    await page.goto(checkoutUrl);
    await page.getByText("This payment is cancelled.").waitFor();
    await closeCheckedPage(page);
  });

  it("refuses a fourth open checkout, lists the three with Cancel, and books once one is cancelled", async ({
    server,
    browser,
  }) => {
    const { person: buyer, page } = await signedInPerson(server, browser, "Karim");
    const held = [];
    for (const [event, category] of [
      [EVENT, "Regular"],
      ["Nile Tech Summit 2027", "Standard"],
      ["Alexandria Summer Festival", "General admission"],
    ] as const) {
      held.push(await openCheckoutThroughApi(server, buyer.tokens, { event, category, assignees: [null] }));
    }
    await openEvent(page, server, EVENT);
    const open = page.getByTestId("open-checkouts");
    await open.getByRole("heading", { name: "You have 3 checkouts waiting for payment" }).waitFor();

    await fillBooking(page, { event: EVENT, category: "VIP", tickets: ["me"] });
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/payments/process/")),
      page.getByRole("button", { name: "Continue to payment" }).click(),
    ]);
    expect(refused.status()).toBe(409);
    const alert = open.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toContain("You already have as many checkouts waiting for payment as you can.");
    expect(await textOf(open)).toContain("Pay for one of these checkouts or cancel it, then book again.");
    const rows = open.getByTestId("open-checkout");
    expect(await rows.count()).toBe(3);
    expect(new URL(page.url()).pathname).toMatch(/^\/events\//);

    // Cancelling the festival's checkout makes room: the refusal goes, and the booking goes ahead.
    const festival = open.locator(`[data-testid="open-checkout"][data-transaction-id="${held[2]?.transaction_id}"]`);
    expect(await textOf(festival)).toContain("Alexandria Summer Festival");
    await festival.getByRole("button", { name: "Cancel" }).click();
    await open.getByRole("heading", { name: "You have 2 checkouts waiting for payment" }).waitFor();
    expect(await open.getByRole("alert").count()).toBe(0);
    await page.getByRole("button", { name: "Continue to payment" }).click();
    await page.waitForURL(/\/payments\/sandbox\/checkout\//);
    await page.context().close();
  });
});
