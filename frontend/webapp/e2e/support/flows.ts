import type { Browser, Locator, Page } from "playwright-core";
import { newPage } from "./browser";
import { messageIds, type Person, registeredPerson } from "./people";
import type { RunningServer } from "./server";

/** What a person does in the browser, step by step, as they would. */

export const headerName = (page: Page) => page.getByTestId("header-user-name");

/** Logs in with number and password, then the code texted to the number; ends signed in. */
export async function logIn(page: Page, server: RunningServer, person: Person, options: { from?: string } = {}) {
  if (options.from !== "here") await page.goto(`${server.baseUrl}${options.from ?? "/login"}`);
  const seen = await messageIds(server, person.mobile.e164);
  await page.fill('input[name="mobile_number"]', person.mobile.local);
  await page.fill('input[name="password"]', person.password);
  await page.getByRole("button", { name: "Log in" }).click();
  const { code } = await server.waitForOtp(person.mobile.e164, seen);
  await page.fill('input[name="otp_code"]', code);
  await page.getByRole("button", { name: "Verify" }).click();
  await headerName(page).filter({ hasText: person.name }).waitFor();
}

/**
 * Someone new with an account (made through the API), logged in on a page of their own: `newPage`'s
 * locale and viewport unless given. For the people a test watches in the browser from the start.
 */
export async function signedInPerson(
  server: RunningServer,
  browser: Browser,
  firstName: string,
  options: { locale?: string; viewport?: { width: number; height: number } } = {},
) {
  const person = await registeredPerson(server, firstName);
  const page = await newPage(browser, options.locale, options.viewport);
  await logIn(page, server, person);
  return { person, page };
}

/**
 * Signs up on the page already open (`/signup`, with or without a claim link): details unless the
 * number is locked, the texted code, a password. Ends signed in.
 */
export async function signUpHere(page: Page, server: RunningServer, person: Person) {
  const seen = await messageIds(server, person.mobile.e164);
  const mobile = page.locator('input[name="mobile_number"]');
  if (!(await mobile.getAttribute("readonly").then((v) => v !== null))) await mobile.fill(person.mobile.local);
  await page.fill('input[name="name"]', person.name);
  await page.fill('input[name="email"]', person.email);
  await page.getByRole("button", { name: "Continue" }).click();
  const { code } = await server.waitForOtp(person.mobile.e164, seen);
  await page.fill('input[name="otp_code"]', code);
  await page.getByRole("button", { name: "Verify" }).click();
  await page.fill('input[name="password"]', person.password);
  await page.fill('input[name="password_confirm"]', person.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await headerName(page).filter({ hasText: person.name }).waitFor();
}

export type TicketFor = "me" | { mobile: string; name?: string; email?: string };

export interface Purchase {
  event: string;
  category: string;
  tickets: TicketFor[];
}

/** Fills the booking form on the open event page: how many tickets, and who each one is for. */
export async function fillBooking(page: Page, purchase: Purchase) {
  await page.getByLabel(`Number of ${purchase.category} tickets`).selectOption(String(purchase.tickets.length));
  for (const [index, ticket] of purchase.tickets.entries()) {
    const row = page.getByRole("group", { name: `Ticket ${index + 1} · ${purchase.category}` });
    if (ticket === "me") {
      await row.getByLabel("For me").check();
      continue;
    }
    await row.getByLabel("For someone else").check();
    await row.getByLabel("Their mobile number").fill(ticket.mobile);
    if (ticket.name) await row.getByLabel("Their name").fill(ticket.name);
    if (ticket.email) await row.getByLabel("Their email").fill(ticket.email);
  }
}

/** An event's page, opened from the list on the home page. */
export async function openEvent(page: Page, server: RunningServer, name: string) {
  await page.goto(`${server.baseUrl}/`);
  await page.getByTestId("event-card").filter({ hasText: name }).getByRole("link").click();
  await page.getByRole("heading", { level: 1, name }).waitFor();
}

/** The number in a category's "N left" on the open event page (in either language). */
export async function remaining(page: Page, category: string): Promise<number> {
  const text = await textOf(page.getByTestId("category").filter({ hasText: category }).locator(".category-remaining"));
  return Number(text.replace(/\D/g, ""));
}

/** My Tickets, on the given tab. */
export async function openMyTickets(page: Page, server: RunningServer, tab: "owned" | "sent" = "owned") {
  await page.goto(`${server.baseUrl}/my-tickets`);
  await page.getByTestId(`tab-${tab}`).click();
  await page.locator(`[data-testid="tab-${tab}"][aria-selected="true"]`).waitFor();
}

/** The card on the Sent tab of the ticket given to `e164` (a buyer gives one ticket per number in these tests). */
export const sentTicketCard = (page: Page, e164: string) =>
  page.locator(`[data-testid="sent-ticket"][data-recipient="${e164}"]`);

/** A locator's text with every run of white space (Intl puts no-break spaces in prices) as one space. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}

/**
 * An element's characters in the order they stand on screen, left to right: how a person reads a number.
 * Inside Arabic text a phone number the bidi algorithm was free to reorder reads `07525858 11 20+`; an
 * isolated one reads `+20 11 07525858`. For text on one line.
 */
export async function textInScreenOrder(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const document = element.ownerDocument;
    const SHOW_TEXT = 4;
    const walker = document.createTreeWalker(element, SHOW_TEXT);
    const placed: { char: string; x: number }[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width > 0) placed.push({ char: node.data[i], x: box.left + box.width / 2 });
      }
    }
    return placed
      .sort((a, b) => a.x - b.x)
      .map((p) => p.char)
      .join("");
  });
}

/** Whether the element sits in (or is) an element marked `dir="ltr"`, isolated from right-to-left text. */
export const isInLtrElement = (locator: Locator) =>
  locator.evaluate((element) => element.closest('[dir="ltr"]') !== null);
