import { describe, expect } from "vitest";
import { cspViolations, newPage } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { fillBooking, headerName, logIn, openEvent, signedInPerson, signUpHere, textOf } from "./support/flows";
import { buyThroughApi, freshPerson, registeredPerson } from "./support/people";

const EVENT = "Cairo Jazz Night";

describe("buying tickets and giving some away", () => {
  it("books three tickets (one kept, one for a customer, one for someone new), pays, and each person sees theirs", async ({
    server,
    browser,
  }) => {
    const customer = await registeredPerson(server, "Karim");
    const buyer = freshPerson("Mona");
    const newcomer = freshPerson("Salma");

    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/signup`);
    await signUpHere(page, server, buyer);
    await page.waitForURL(`${server.baseUrl}/`);

    // Home: the welcome stays on top, the upcoming events are listed under it.
    await page.getByRole("heading", { level: 1, name: `Welcome back, ${buyer.name}` }).waitFor();
    const card = page.getByTestId("event-card").filter({ hasText: EVENT });
    await card.waitFor();
    expect(await textOf(card)).toContain("From EGP 350");
    await card.getByRole("link", { name: EVENT }).click();
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();

    // A number the server would refuse is refused by the form first, on that ticket's field.
    await fillBooking(page, {
      event: EVENT,
      category: "Regular",
      tickets: ["me", { mobile: customer.mobile.international, name: "Karim" }, { mobile: "0101234" }],
    });
    await page.getByRole("button", { name: "Continue to payment" }).click();
    const third = page.getByRole("group", { name: "Ticket 3 · Regular" });
    await third.getByText("Enter a valid mobile number").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/events\//);

    await third.getByLabel("Their mobile number").fill(newcomer.mobile.local);
    await third.getByLabel("Their name").fill("Salma");
    await third.getByLabel("Their email").fill(newcomer.email);
    expect(await textOf(page.getByTestId("booking-total"))).toContain("EGP 1,050");
    await page.getByRole("button", { name: "Continue to payment" }).click();

    // The sandbox gateway's hosted page charges what the server priced.
    await page.waitForURL(/\/payments\/sandbox\/checkout\//);
    expect(await textOf(page.getByTestId("sandbox-amount"))).toContain("1,050");
    const [pay] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && /\/checkout\/[^/]+\/pay$/.test(r.url())),
      page.getByRole("button", { name: /^Pay / }).click(),
    ]);
    expect(pay.status(), "the sandbox page's Pay form should redirect the browser back (303)").toBe(303);

    await page.waitForURL(/\/payments\/confirmation\?/);
    const paid = page.locator('[data-testid="payment-status"][data-status="paid"]');
    await paid.getByRole("heading", { name: "Payment confirmed" }).waitFor();
    expect(await textOf(paid)).toContain("3 tickets");

    // The buyer keeps one ticket…
    await paid.getByRole("link", { name: "Go to my tickets" }).click();
    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    const owned = page.getByTestId("owned-ticket");
    await owned.first().waitFor();
    expect(await owned.count()).toBe(1);
    expect(await owned.textContent()).toContain(EVENT);
    expect(await owned.getByTestId("purchaser-name").count()).toBe(0);

    // …and follows the two given away: the customer's is theirs already, the newcomer's waits.
    await page.getByTestId("tab-sent").click();
    const sent = page.getByTestId("sent-ticket");
    await sent.first().waitFor();
    expect(await sent.count()).toBe(2);
    const toCustomer = page.locator(`[data-testid="sent-ticket"][data-recipient="${customer.mobile.e164}"]`);
    const toNewcomer = page.locator(`[data-testid="sent-ticket"][data-recipient="${newcomer.mobile.e164}"]`);
    expect(await toCustomer.getByTestId("claim-status").textContent()).toBe("Claimed");
    expect(await toNewcomer.getByTestId("claim-status").textContent()).toBe("Waiting to be claimed");
    expect(await toNewcomer.textContent()).toContain("Salma");
    expect(await toNewcomer.textContent()).toContain(newcomer.email);
    await toNewcomer.getByRole("button", { name: "Resend link" }).waitFor();
    expect(await toCustomer.getByRole("button", { name: "Resend link" }).count()).toBe(0);

    // The customer logs in and finds the ticket, saying who it is from.
    const customerPage = await newPage(browser);
    await logIn(customerPage, server, customer, { from: "/my-tickets" });
    await customerPage.waitForURL(`${server.baseUrl}/my-tickets`);
    const gift = customerPage.getByTestId("owned-ticket").filter({ hasText: EVENT });
    await gift.waitFor();
    expect(await gift.getByTestId("purchaser-name").textContent()).toBe(`From ${buyer.name}`);
    expect(await gift.getByTestId("ticket-number").textContent()).toBe(
      await toCustomer.getByTestId("ticket-number").textContent(),
    );

    // Signup, booking, payment and My Tickets all ran under the policy without inline script or style.
    expect(cspViolations(page)).toEqual([]);
    expect(cspViolations(customerPage)).toEqual([]);
    await page.context().close();
    await customerPage.context().close();
  });

  it("sends a signed-out visitor to log in before paying, and keeps their choices", async ({ server, browser }) => {
    const buyer = await registeredPerson(server, "Hany");
    const page = await newPage(browser);

    await openEvent(page, server, EVENT);
    const eventPath = new URL(page.url()).pathname;
    await fillBooking(page, { event: EVENT, category: "VIP", tickets: ["me", "me"] });
    await page.getByRole("button", { name: "Continue to payment" }).click();

    await page.waitForURL(`${server.baseUrl}/login?next=${eventPath}`);
    await logIn(page, server, buyer, { from: "here" });
    await page.waitForURL(`${server.baseUrl}${eventPath}`);
    expect(await page.getByLabel("Number of VIP tickets").inputValue()).toBe("2");
    expect(await textOf(page.getByTestId("booking-total"))).toContain("EGP 1,800");
    await headerName(page).filter({ hasText: buyer.name }).waitFor();
    await page.context().close();
  });

  it("says so in an alert when the seats went while the buyer was choosing", async ({ server, browser }) => {
    const { page } = await signedInPerson(server, browser, "Nour");
    await openEvent(page, server, "Nile Tech Summit 2027");

    // Meanwhile another buyer buys every early-bird seat (150), ten at a time (paying for each, as a
    // buyer may keep only 3 checkouts open at once).
    const rivalBuyer = await registeredPerson(server, "Rami");
    const tenForThemselves = Array.from({ length: 10 }, () => null);
    for (let bought = 0; bought < 150; bought += 10) {
      await buyThroughApi(server, rivalBuyer.tokens, {
        event: "Nile Tech Summit 2027",
        category: "Early bird",
        assignees: tenForThemselves,
      });
    }

    await fillBooking(page, { event: "Nile Tech Summit 2027", category: "Early bird", tickets: ["me"] });
    await page.getByRole("button", { name: "Continue to payment" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await alert.textContent()).toContain("Not enough tickets are left in that category.");
    // The page now shows what is really left.
    await page.getByTestId("category").filter({ hasText: "Early bird" }).getByText("Sold out").waitFor();
    expect(await page.getByLabel("Number of Early bird tickets").isDisabled()).toBe(true);

    await page.context().close();
  });
});
