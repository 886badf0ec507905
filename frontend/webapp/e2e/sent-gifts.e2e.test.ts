import { maskMobileNumber } from "@ticketrunners/shared";
import type { Browser, Page } from "playwright-core";
import { describe, expect } from "vitest";
import { cspViolations, newPage, recordRequests } from "./support/browser";
import { buyerTest as it } from "./support/fixtures";
import { openMyTickets, sentTicketCard, signUpHere, textOf } from "./support/flows";
import { claimLinkIn, waitForMessage } from "./support/inbox";
import { buyThroughApi, freshPerson, type Person, type RegisteredPerson } from "./support/people";
import type { RunningServer } from "./support/server";

// What a buyer can still do with a gift nobody has claimed yet, on the Sent tab: send it to the right
// number after typing a wrong one, or take it back. The gifts are bought through the public API and the
// sandbox gateway; buying in the browser is buy-and-give.e2e.test.ts's subject.

const EVENT = "Cairo Jazz Night";
const CATEGORY = "Regular";

/** The claim link texted to `person` that is not one of `seen`. */
async function claimLinkTo(server: RunningServer, person: Person, seen: readonly string[] = []): Promise<string> {
  const sms = await waitForMessage(server, `a claim SMS to ${person.mobile.e164}`, (m) => {
    if (m.channel !== "sms" || m.to !== person.mobile.e164) return false;
    const link = claimLinkIn(server, m.text);
    return link !== undefined && !seen.includes(link);
  });
  return claimLinkIn(server, sms.text) as string;
}

const smsCountTo = async (server: RunningServer, person: Person) =>
  (await server.outbox()).filter((m) => m.channel === "sms" && m.to === person.mobile.e164).length;

/** Opens a claim link in a fresh browser and expects it to explain that it cannot be used any more. */
async function expectSpentLink(browser: Browser, server: RunningServer, link: string) {
  const page = await newPage(browser);
  await page.goto(link);
  const problem = page.getByTestId("claim-link-problem");
  await problem.waitFor();
  expect(["expired", "used"]).toContain(await problem.getAttribute("data-reason"));
  expect(await page.getByTestId("mobile-locked").count()).toBe(0);
  // The number can still sign up, and whatever waits for it will be there.
  expect(await textOf(problem.getByTestId("claim-still-sign-up"))).toBe(
    "You can still sign up with the number this link was sent to: any tickets waiting for it will be in your account as soon as you verify the number.",
  );
  const signUp = problem.getByRole("link", { name: "Sign up with your number" });
  expect(await signUp.getAttribute("href")).toBe("/signup");
  await problem.getByRole("link", { name: "Log in" }).waitFor();
  await signUp.click();
  await page.waitForURL(`${server.baseUrl}/signup`);
  expect(await page.locator('input[name="mobile_number"]').getAttribute("readonly")).toBeNull();
  await page.context().close();
}

/**
 * The buyer gives `recipient` one ticket under `name`: the ticket's number, the claim link texted to the
 * recipient, and the gift's card on the buyer's Sent tab.
 */
async function pendingGift(
  server: RunningServer,
  buyer: RegisteredPerson,
  buyerPage: Page,
  recipient: Person,
  name: string,
) {
  const { tickets } = await buyThroughApi(server, buyer.tokens, {
    event: EVENT,
    category: CATEGORY,
    assignees: [{ mobile_number: recipient.mobile.local, name }],
  });
  const link = await claimLinkTo(server, recipient);
  await openMyTickets(buyerPage, server, "sent");
  const card = sentTicketCard(buyerPage, recipient.mobile.e164);
  await card.waitFor();
  return { ticketNumber: tickets[0]?.ticket_number, link, card };
}

describe("the Sent tab", () => {
  it("changes a mistyped number: the old link stops working, the right person is texted and claims it", async ({
    server,
    browser,
    buyer,
    buyerPage,
  }) => {
    const wrong = freshPerson("Wrong");
    const salma = freshPerson("Salma");
    const { ticketNumber, link: oldLink, card } = await pendingGift(server, buyer, buyerPage, wrong, "Salma");
    expect(await card.getAttribute("data-ticket-number")).toBe(ticketNumber);
    expect(await textOf(card.getByTestId("given-as"))).toBe("Bought for them");
    expect(await textOf(card.getByTestId("given-at"))).toMatch(/^Given on /);
    expect(await textOf(card.getByTestId("claim-status"))).toBe("Waiting to be claimed");

    await card.getByRole("button", { name: "Change number" }).click();
    const form = card.getByTestId("change-number");
    // The name given stays; the messages' language starts as the page's.
    expect(await form.getByLabel("Their name").inputValue()).toBe("Salma");
    expect(await form.getByLabel("Language of their messages").inputValue()).toBe("en");
    // A number the server would refuse is refused by the form first.
    await form.getByLabel("Their mobile number").fill("0101234");
    await form.getByRole("button", { name: "Send to this number" }).click();
    await form.getByText("Enter a valid mobile number").waitFor();

    await form.getByLabel("Their mobile number").fill(salma.mobile.local);
    const [reassigned] = await Promise.all([
      buyerPage.waitForResponse((r) => r.url().endsWith("/reassign/")),
      form.getByRole("button", { name: "Send to this number" }).click(),
    ]);
    expect(reassigned.status()).toBe(200);
    // Same ticket, now waiting for the right number (the card is found by the ticket, not its number).
    const moved = buyerPage.locator(`[data-testid="sent-ticket"][data-ticket-number="${ticketNumber}"]`);
    const notice = moved.getByRole("status").filter({ hasText: "The ticket now waits for" });
    await notice.waitFor();
    expect((await textOf(notice.locator('bdi[dir="ltr"]'))).replace(/\D/g, "")).toBe(salma.mobile.e164.slice(1));
    await sentTicketCard(buyerPage, salma.mobile.e164).waitFor();
    expect(await textOf(moved.getByTestId("claim-status"))).toBe("Waiting to be claimed");

    // The right number gets its own text; nothing more goes to the wrong one, whose link is dead.
    const newLink = await claimLinkTo(server, salma);
    expect(newLink).not.toBe(oldLink);
    expect(await smsCountTo(server, wrong)).toBe(1);
    await expectSpentLink(browser, server, oldLink);

    const page = await newPage(browser);
    await page.goto(newLink);
    await page.getByTestId("claim-banner").waitFor();
    await signUpHere(page, server, salma);
    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    await page.locator(`[data-testid="owned-ticket"][data-ticket-number="${ticketNumber}"]`).waitFor();
    await page.context().close();

    // Once claimed it is Salma's: the buyer can no longer change or cancel it.
    await openMyTickets(buyerPage, server, "sent");
    await moved.locator('[data-testid="claim-status"][data-status="claimed"]').waitFor();
    expect(await moved.getByRole("button", { name: "Change number" }).count()).toBe(0);
    expect(await moved.getByRole("button", { name: "Cancel gift" }).count()).toBe(0);

    // Its page tells the story, with both numbers (neither is the buyer's) partly hidden.
    await moved.getByRole("link", { name: "Details and history" }).click();
    await buyerPage.waitForURL(/\/my-tickets\/[0-9a-f-]{36}$/);
    const history = buyerPage.getByTestId("history-entry");
    await history.first().waitFor();
    const actions = await history.evaluateAll((entries) => entries.map((e) => e.getAttribute("data-action")));
    expect(actions.filter((a) => a !== "reminded")).toEqual(["issued", "given", "reassigned", "claimed"]);
    const change = buyerPage.locator('[data-testid="history-entry"][data-action="reassigned"]');
    expect(await textOf(change)).toContain(
      `Number changed from ${maskMobileNumber(wrong.mobile.e164)} to ${maskMobileNumber(salma.mobile.e164)}`,
    );
    expect(cspViolations(buyerPage)).toEqual([]);
  });

  it("cancels a pending gift only once the buyer confirms, and the ticket is back in My tickets", async ({
    server,
    browser,
    buyer,
    buyerPage,
  }) => {
    const omar = freshPerson("Omar");
    const { ticketNumber, link, card } = await pendingGift(server, buyer, buyerPage, omar, "Omar");
    const cancels = recordRequests(buyerPage, (r) => r.url().includes("/cancel-gift/"));

    // Asking first: "Keep the gift" (which has the focus) changes nothing.
    await card.getByRole("button", { name: "Cancel gift" }).click();
    const confirm = card.getByTestId("cancel-gift-confirm");
    expect(await textOf(confirm)).toContain("Cancel this gift? The ticket comes back to you");
    expect(
      await confirm.getByRole("button", { name: "Keep the gift" }).evaluate((b) => b === b.ownerDocument.activeElement),
    ).toBe(true);
    await confirm.getByRole("button", { name: "Keep the gift" }).click();
    await confirm.waitFor({ state: "detached" });
    expect(cancels).toEqual([]);

    await card.getByRole("button", { name: "Cancel gift" }).click();
    const [cancelled] = await Promise.all([
      buyerPage.waitForResponse((r) => r.url().includes("/cancel-gift/")),
      card.getByTestId("cancel-gift-confirm").getByRole("button", { name: "Yes, cancel the gift" }).click(),
    ]);
    expect(cancelled.status()).toBe(200);
    expect(cancels).toHaveLength(1);

    const notice = buyerPage.getByTestId("gift-returned");
    await notice.waitFor();
    expect(await textOf(notice)).toBe(`Your ticket to ${EVENT} is yours again. See my tickets`);
    await card.waitFor({ state: "detached" });

    await notice.getByRole("link", { name: "See my tickets" }).click();
    await buyerPage.locator('[data-testid="tab-owned"][aria-selected="true"]').waitFor();
    const back = buyerPage.locator(`[data-testid="owned-ticket"][data-ticket-number="${ticketNumber}"]`);
    await back.waitFor();
    await back.getByRole("button", { name: "Send to someone" }).waitFor();

    // Omar's link stopped working with the gift.
    await expectSpentLink(browser, server, link);
  });
});
