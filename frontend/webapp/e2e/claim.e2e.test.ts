import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { newPage } from "./support/browser";
import { buyerTest as it } from "./support/fixtures";
import { logIn, openMyTickets, sentTicketCard, signUpHere, textOf } from "./support/flows";
import { claimLinkIn, waitForMessage } from "./support/inbox";
import { buyThroughApi, freshPerson, type Person, type RegisteredPerson, registerThroughApi } from "./support/people";
import type { RunningServer } from "./support/server";

// These tests are about what happens to a ticket after someone buys it for another person. The
// purchases are set up through the public API and the sandbox gateway (the same ticket creation and
// messages as a checkout paid in the browser); buying in the browser is buy-and-give.e2e.test.ts's subject.

const EVENT = "Cairo Jazz Night";
const CATEGORY = "Regular";

const give = (
  server: RunningServer,
  buyer: RegisteredPerson,
  recipient: { mobile: string; name?: string; email?: string },
) =>
  buyThroughApi(server, buyer.tokens, {
    event: EVENT,
    category: CATEGORY,
    assignees: [{ mobile_number: recipient.mobile, name: recipient.name, email: recipient.email }],
  });

const smsTo = (server: RunningServer, person: Person, containing: string) =>
  waitForMessage(server, `SMS to ${person.mobile.e164} with "${containing}"`, (m) => {
    return m.channel === "sms" && m.to === person.mobile.e164 && m.text.includes(containing);
  });

const emailTo = (server: RunningServer, address: string) =>
  waitForMessage(server, `email to ${address}`, (m) => {
    return m.channel === "email" && m.to === address && m.subject === `Ticket Purchased for You - ${EVENT}`;
  });

/** The ticket the buyer gave to `person`, on the buyer's Sent tab. */
async function sentTicketFor(buyerPage: Page, server: RunningServer, person: Person) {
  await openMyTickets(buyerPage, server, "sent");
  const ticket = sentTicketCard(buyerPage, person.mobile.e164);
  await ticket.waitFor();
  return ticket;
}

/** Waits until the person's owned tickets include one from the buyer, and returns it. */
async function giftFromBuyer(page: Page, buyer: Person) {
  const gift = page.getByTestId("owned-ticket").filter({ hasText: EVENT });
  await gift.waitFor();
  expect(await gift.getByTestId("purchaser-name").textContent()).toBe(`From ${buyer.name}`);
  return gift;
}

describe("claiming a ticket someone bought for you", () => {
  it("tells an existing customer by SMS and email, with a link to My Tickets where the ticket already is", async ({
    server,
    browser,
    buyer,
  }) => {
    const customer = freshPerson("Karim");
    await registerThroughApi(server, customer);
    const { tickets } = await give(server, buyer, { mobile: customer.mobile.international, name: "Karim" });

    const sms = await smsTo(server, customer, "bought you a ticket");
    expect(sms.text).toContain(`${buyer.name} bought you a ticket to ${EVENT}.`);
    expect(sms.text).toContain(`${server.baseUrl}/my-tickets`);
    expect(sms.text).not.toContain("token=");
    // The buyer gave no email: it goes to the address on the customer's own account.
    const email = await emailTo(server, customer.email);
    expect(email.text).toContain(`${server.baseUrl}/my-tickets`);
    expect(email.text).toContain(tickets[0]?.ticket_number);

    const link = sms.text.match(/https?:\/\/\S+\/my-tickets/)?.[0] ?? "";
    const page = await newPage(browser);
    await page.goto(link);
    await page.waitForURL(`${server.baseUrl}/login?next=/my-tickets`);
    await logIn(page, server, customer, { from: "here" });
    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    const gift = await giftFromBuyer(page, buyer);
    expect(await gift.getByTestId("ticket-number").textContent()).toBe(tickets[0]?.ticket_number);

    // Opening the link again while signed in goes straight to the ticket.
    await page.goto(link);
    await giftFromBuyer(page, buyer);
    await page.context().close();
  });

  it("lets someone new claim from the SMS link: number locked, OTP, password, and the ticket is theirs", async ({
    server,
    browser,
    buyer,
    buyerPage,
  }) => {
    const newcomer = freshPerson("Salma");
    await give(server, buyer, { mobile: newcomer.mobile.local, name: "Salma", email: newcomer.email });

    const sms = await smsTo(server, newcomer, "Claim it:");
    expect(sms.text).toContain(`${buyer.name} bought you a ticket to ${EVENT}.`);
    const link = claimLinkIn(server, sms.text);
    expect(link).toBeDefined();
    const email = await emailTo(server, newcomer.email);
    expect(claimLinkIn(server, email.text)).toBe(link);

    const page = await newPage(browser);
    await page.goto(link as string);
    const banner = page.getByTestId("claim-banner");
    await banner.waitFor();
    expect(await textOf(banner)).toContain(`Registering to claim your ticket for ${EVENT}`);
    expect(await textOf(banner)).toContain(`${buyer.name} bought you 1 ticket.`);
    const mobile = page.getByTestId("mobile-locked");
    expect(await mobile.getAttribute("readonly")).not.toBeNull();
    expect((await mobile.inputValue()).replace(/\D/g, "")).toBe(newcomer.mobile.e164.replace(/\D/g, ""));

    // The claim signup walks the same steps: the last one carries the signup's secret and the link's token.
    const completing = page.waitForRequest((r) => r.url().endsWith("/users/complete-registration/"));
    await signUpHere(page, server, newcomer);
    const completion = (await completing).postDataJSON() as Record<string, unknown>;
    expect(completion.registration_token).toBe(new URL(link as string).searchParams.get("token"));
    expect(completion.signup_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    await giftFromBuyer(page, buyer);

    const sent = await sentTicketFor(buyerPage, server, newcomer);
    expect(await sent.getByTestId("claim-status").textContent()).toBe("Claimed");
    await sent.locator('[data-testid="sms-status"]', { hasText: "Delivered" }).waitFor();
    await sent.locator('[data-testid="email-status"]', { hasText: "Delivered" }).waitFor();
    expect(await sent.getByRole("button", { name: "Resend link" }).count()).toBe(0);

    // The link was single-use.
    const again = await newPage(browser);
    await again.goto(link as string);
    const problem = again.getByTestId("claim-link-problem");
    await problem.waitFor();
    expect(await problem.getAttribute("data-reason")).toBe("used");
    expect(await textOf(problem)).toContain("This link has already been used.");
    await problem.getByRole("link", { name: "Log in" }).waitFor();
    // The number can still sign up: anything still waiting for it joins the account.
    expect(await textOf(problem.getByTestId("claim-still-sign-up"))).toContain("You can still sign up with the number");
    await problem.getByRole("link", { name: "Sign up with your number" }).waitFor();
    await page.context().close();
    await again.context().close();
  });

  it("gives someone new their waiting ticket when they sign up without the link", async ({
    server,
    browser,
    buyer,
    buyerPage,
  }) => {
    const newcomer = freshPerson("Youssef");
    await give(server, buyer, { mobile: newcomer.mobile.local });
    await smsTo(server, newcomer, "Claim it:");

    const page = await newPage(browser);
    await page.goto(`${server.baseUrl}/signup`);
    await signUpHere(page, server, newcomer);
    // The new account already holds a ticket, so signup lands on My Tickets.
    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    await giftFromBuyer(page, buyer);

    const sent = await sentTicketFor(buyerPage, server, newcomer);
    expect(await sent.getByTestId("claim-status").textContent()).toBe("Claimed");
    expect(await sent.getByTestId("email-status").textContent()).toBe("No email address given");
    await page.context().close();
  });

  it("shows a waiting ticket after an OTP login, however the number got its account", async ({
    server,
    browser,
    buyer,
  }) => {
    const recipient = freshPerson("Laila");
    await give(server, buyer, { mobile: recipient.mobile.local, name: "Laila" });
    await smsTo(server, recipient, "Claim it:");
    // The number gets an account some other way (here the signup API, with no link).
    await registerThroughApi(server, recipient);

    const page = await newPage(browser);
    await logIn(page, server, recipient, { from: "/my-tickets" });
    await page.waitForURL(`${server.baseUrl}/my-tickets`);
    await giftFromBuyer(page, buyer);
    await page.context().close();
  });

  it("explains a link that is not valid, and offers to log in or to sign up without it", async ({
    server,
    browser,
  }) => {
    const page = await newPage(browser);
    const madeUp = "Zm9yZ2VkLXRva2VuLXRoYXQtd2FzLW5ldmVyLWlzc3VlZA";
    await page.goto(`${server.baseUrl}/signup?token=${madeUp}`);
    const problem = page.getByTestId("claim-link-problem");
    await problem.waitFor();
    expect(await problem.getAttribute("data-reason")).toBe("invalid");
    expect(await textOf(problem)).toContain("This link is not valid.");
    expect(await page.getByTestId("mobile-locked").count()).toBe(0);
    expect(await problem.getByTestId("claim-still-sign-up").count()).toBe(0);
    expect(await problem.getByRole("link", { name: "Log in" }).getAttribute("href")).toBe("/login?next=/my-tickets");

    await problem.getByRole("link", { name: "Sign up without the link" }).click();
    await page.waitForURL(`${server.baseUrl}/signup`);
    await page.getByRole("heading", { level: 1, name: "Create your account" }).waitFor();
    expect(await page.locator('input[name="mobile_number"]').getAttribute("readonly")).toBeNull();

    // A link with its token cut off says the same.
    await page.goto(`${server.baseUrl}/signup?token=`);
    expect(await page.getByTestId("claim-link-problem").getAttribute("data-reason")).toBe("invalid");

    // In Arabic, right to left.
    const arabic = await newPage(browser, "ar-EG");
    await arabic.goto(`${server.baseUrl}/signup?token=${madeUp}`);
    await arabic.getByTestId("claim-link-problem").getByText("هذا الرابط غير صالح.").waitFor();
    expect(await arabic.getAttribute("html", "dir")).toBe("rtl");
    await page.context().close();
    await arabic.context().close();
  });

  it("lets the buyer resend a claim link: the old one stops working, and a fourth resend in a day is refused", async ({
    server,
    browser,
    buyer,
    buyerPage,
  }) => {
    const recipient = freshPerson("Omar");
    await give(server, buyer, { mobile: recipient.mobile.local, name: "Omar" });
    const first = claimLinkIn(server, (await smsTo(server, recipient, "Claim it:")).text);

    const ticket = await sentTicketFor(buyerPage, server, recipient);
    expect(await ticket.getByTestId("claim-status").textContent()).toBe("Waiting to be claimed");
    const resend = ticket.getByRole("button", { name: "Resend link" });
    await resend.click();
    await ticket.getByRole("status").filter({ hasText: "We sent a new link to" }).waitFor();

    const second = await waitForMessage(server, "a second claim SMS", (m) => {
      const link = m.to === recipient.mobile.e164 ? claimLinkIn(server, m.text) : undefined;
      return link !== undefined && link !== first;
    });
    const page = await newPage(browser);
    await page.goto(first as string);
    expect(await page.getByTestId("claim-link-problem").getAttribute("data-reason")).toBe("used");
    await page.goto(claimLinkIn(server, second.text) as string);
    await page.getByTestId("claim-banner").waitFor();

    // Two more resends are allowed in 24 hours; the fourth is refused, in words.
    for (let n = 2; n <= 4; n++) {
      await Promise.all([buyerPage.waitForResponse((r) => r.url().includes("/resend-claim/")), resend.click()]);
    }
    const refusal = ticket.getByRole("alert");
    await refusal.waitFor();
    expect(await textOf(refusal)).toContain("The link was already resent 3 times in the last 24 hours.");
    await page.context().close();
  });
});
