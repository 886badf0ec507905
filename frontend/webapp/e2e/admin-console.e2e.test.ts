import { readFile } from "node:fs/promises";
import { ATTENDEES_CSV_HEADER, eventListSchema, formatEventDate } from "@ticketrunners/shared";
import type { Page } from "playwright-core";
import { describe, expect, test } from "vitest";
import { closeCheckedPage, cspViolations, newPage, PHONE_VIEWPORT } from "./support/browser";
import { browserFixture, type Cleanup, serveFile } from "./support/fixtures";
import { fillBooking, logIn, signUpHere, textOf } from "./support/flows";
import { waitForMessage } from "./support/inbox";
import { freshPerson, type Person, registeredPerson } from "./support/people";
import type { RunningServer } from "./support/server";

// The operator console at /admin. The operator (`admin`) has a number the server was started with in
// ADMIN_MOBILE_NUMBERS, so signing up with it in the browser makes them an operator. They create an event with a priced
// and a free category and publish it; a customer in another browser buys a priced ticket through the
// sandbox gateway; the operator sees the sale, downloads the attendees CSV and finds the purchase's email
// in the message ledger, changes the customer's role and bans them, and reads it all in the audit log.

const YEAR = new Date().getUTCFullYear() + 1;
const EVENT = `Console Gala ${Math.random().toString(36).slice(2, 7)}`;
const VENUE = "Cairo Opera House, Main Hall";
/** 8 PM at the venue on 15 March (Cairo has no summer time in March: UTC+2). */
const STARTS_LOCAL = `${YEAR}-03-15T20:00`;
const STARTS_AT = `${YEAR}-03-15T18:00:00.000Z`;

/** One operator, one server started with their number in ADMIN_MOBILE_NUMBERS, one Chromium: per file. */
const it = test
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
  .extend("admin", { scope: "file" }, async ({}): Promise<Person> => freshPerson("Amira"))
  .extend("server", { scope: "file" }, async ({ admin }: { admin: Person }, { onCleanup }: Cleanup) =>
    serveFile(onCleanup, { adminMobileNumbers: [admin.mobile.e164] }),
  )
  .extend("browser", { scope: "file" }, browserFixture);

/** What the tests pass on to each other: they run in order against one server. */
const state: { admin?: Page; buyer?: Person & { tokens: unknown }; eventId?: string; ticketNumber?: string } = {};

function adminPage(): Page {
  if (!state.admin) throw new Error("the first test did not open the operator's page");
  return state.admin;
}

/** The console's page of the event, on one of its tabs. */
async function openEventTab(page: Page, tab: string, heading = EVENT) {
  await page.getByRole("link", { name: "Events", exact: true }).click();
  await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
  await page.getByTestId("admin-event-row").filter({ hasText: EVENT }).getByRole("link", { name: EVENT }).click();
  await page.getByRole("heading", { level: 1, name: heading }).waitFor();
  await page.getByRole("navigation", { name: "This event" }).getByRole("link", { name: tab }).click();
}

/** The recipients of the ledger's rows on screen. */
const recipients = (page: Page) =>
  page.getByTestId("message-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-recipient")));

/** Whether the page fits its window's width (its own boxes may still scroll sideways). */
const noPageOverflow = (page: Page) =>
  page.evaluate<boolean>("document.documentElement.scrollWidth <= document.documentElement.clientWidth");

async function publicEvent(server: RunningServer) {
  const response = await fetch(`${server.baseUrl}/api/v1/public/events/`);
  return eventListSchema.parse(await response.json()).find((e) => e.name === EVENT);
}

describe("the operator console", () => {
  it("lets an operator create, price and publish an event that a customer then buys", async ({
    server,
    browser,
    admin,
  }) => {
    const page = await newPage(browser);
    state.admin = page;
    await page.goto(`${server.baseUrl}/signup`);
    await signUpHere(page, server, admin);

    // The header offers the console to operators only.
    // Signup ends on the home page; only then is the header's link followed.
    await page.waitForURL(`${server.baseUrl}/`);
    await page.getByRole("link", { name: "Console", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Events" }).waitFor();
    expect(page.url()).toBe(`${server.baseUrl}/admin/events`);

    // A new event: the start is typed as the venue's clock reads it, in the venue's zone.
    await page.getByRole("link", { name: "New event" }).click();
    await page.getByLabel("Name", { exact: true }).fill(EVENT);
    await page.getByLabel("Venue", { exact: true }).fill(VENUE);
    await page.getByLabel("Description", { exact: false }).fill("An evening of music, to try the console.");
    expect(await page.getByLabel("Time zone of the venue").inputValue()).toBe("Africa/Cairo");
    await page.getByLabel("Date and time at the venue").fill(STARTS_LOCAL);
    await page.getByLabel("Stop passing on, minutes before the start").fill("120");
    await page.getByRole("button", { name: "Create draft" }).click();
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();
    state.eventId = new URL(page.url()).pathname.split("/")[3];
    expect(await page.getByTestId("event-status").getAttribute("data-status")).toBe("draft");

    // A priced category, typed in pounds and piastres, and a free one.
    const addCategory = async (name: string, price: string, capacity: string) => {
      const form = page.getByTestId("new-category-form");
      await form.getByLabel("Category", { exact: true }).fill(name);
      await form.getByLabel("Price (EGP)").fill(price);
      await form.getByLabel("Capacity", { exact: true }).fill(capacity);
      await form.getByRole("button", { name: "Add category" }).click();
      await page.getByTestId("admin-category-row").filter({ hasText: name }).waitFor();
    };
    await addCategory("Regular", "350.50", "100");
    await addCategory("Free entry", "0", "50");
    const regular = page.getByTestId("admin-category-row").filter({ hasText: "Regular" });
    expect(await textOf(regular)).toContain("EGP 350.50");
    expect(await textOf(page.getByTestId("admin-category-row").filter({ hasText: "Free entry" }))).toContain("Free");

    // A draft is nowhere on the public side.
    expect(await publicEvent(server)).toBeUndefined();

    // The preview is the public page as the public will see it; publishing happens there.
    await page.getByRole("link", { name: "Preview and publish" }).click();
    const preview = page.getByTestId("public-preview");
    await preview.getByText(VENUE).waitFor();
    const when = formatEventDate(STARTS_AT, "en", "Africa/Cairo").replace(/\s+/g, " ");
    expect(await textOf(preview)).toContain("8:00 PM");
    expect(await textOf(preview)).toContain("EGP 350.50");
    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await page.locator('[data-testid="event-status"][data-status="published"]').waitFor();
    await page.getByRole("button", { name: "Unpublish" }).waitFor();

    // Stored as the UTC instant of 8 PM in Cairo.
    expect((await publicEvent(server))?.starts_at).toBe(STARTS_AT);

    // A customer, in another browser context, finds it on the public list and buys a Regular ticket.
    const buyer = await registeredPerson(server, "Yasmin");
    state.buyer = buyer;
    const customer = await newPage(browser);
    await logIn(customer, server, buyer);
    // To anyone but an operator the console does not exist, and the header does not offer it.
    expect(await customer.getByRole("link", { name: "Console", exact: true }).count()).toBe(0);
    await customer.goto(`${server.baseUrl}/admin/events`);
    await customer.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();

    await customer.goto(`${server.baseUrl}/`);
    const card = customer.getByTestId("event-card").filter({ hasText: EVENT });
    await card.waitFor();
    expect(await textOf(card)).toContain(when);
    expect(await textOf(card)).toContain("Free, or from EGP 350.50");
    await card.getByRole("link", { name: EVENT }).click();
    await customer.getByRole("heading", { level: 1, name: EVENT }).waitFor();
    await fillBooking(customer, { event: EVENT, category: "Regular", tickets: ["me"] });
    await customer.getByRole("button", { name: "Continue to payment" }).click();
    await customer.waitForURL(/\/payments\/sandbox\/checkout\//);
    expect(await textOf(customer.getByTestId("sandbox-amount"))).toContain("350.50");
    await customer.getByRole("button", { name: /^Pay / }).click();
    await customer.waitForURL(/\/payments\/confirmation\?/);
    await customer.locator('[data-testid="payment-status"][data-status="paid"]').waitFor();

    // Signed out, there is no console either.
    const stranger = await newPage(browser);
    await stranger.goto(`${server.baseUrl}/admin`);
    await stranger.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();

    expect(cspViolations(page)).toEqual([]);
    expect(cspViolations(customer)).toEqual([]);
    await customer.context().close();
    await stranger.context().close();
  });

  it("shows the operator the sale, the attendees and their CSV, and refuses a capacity below what is sold", async () => {
    const page = adminPage();
    const buyer = state.buyer;
    if (!buyer) throw new Error("the first test made no buyer");

    await openEventTab(page, "Sales");
    const sales = page.getByTestId("admin-sales");
    await sales.waitFor();
    const regular = page.locator('[data-testid="sales-category-row"][data-category="Regular"]');
    expect(await textOf(regular.getByTestId("sales-category-sold"))).toBe("1");
    expect(await textOf(regular.getByTestId("sales-category-revenue"))).toBe("EGP 350.50");
    expect(await textOf(page.getByTestId("sales-paid"))).toBe("1");
    expect(await textOf(page.getByTestId("sales-revenue"))).toBe("EGP 350.50");
    // The chart has one bar, of one ticket, drawn without inline styles.
    const bars = page.getByTestId("sales-chart").locator("rect.admin-chart-bar");
    expect(await bars.count()).toBe(1);
    expect(await bars.first().getAttribute("data-tickets")).toBe("1");

    // Attendees: the buyer holds the ticket.
    await page.getByRole("navigation", { name: "This event" }).getByRole("link", { name: "Attendees" }).click();
    const row = page.getByTestId("attendee-row").filter({ hasText: buyer.name });
    await row.waitFor();
    const ticketNumber = (await row.getAttribute("data-ticket-number")) ?? "";
    expect(ticketNumber).not.toBe("");
    state.ticketNumber = ticketNumber;
    expect(await textOf(row)).toContain("Regular");
    expect(await textOf(page.getByTestId("attendees-total"))).toBe("1 ticket");

    // Searching by the ticket number finds it; a name nobody has finds nothing.
    await page.getByLabel("Search attendees").fill("Nobody-by-this-name");
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByTestId("attendees-total").filter({ hasText: "No tickets match" }).waitFor();
    await page.getByLabel("Search attendees").fill(ticketNumber);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.getByTestId("attendees-total").filter({ hasText: "1 ticket matches" }).waitFor();

    // The CSV comes with the operator's token and is saved as a file.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`attendees-${EVENT.replaceAll(" ", "-")}.csv`);
    const path = await download.path();
    const csv = (await readFile(path, "utf8")).replace(/^\ufeff/, "");
    const [header, ...lines] = csv.split("\r\n").filter((line) => line !== "");
    expect(header).toBe("ticket_number,category,holder_name,holder_mobile,state,checked_in_at");
    expect(header).toBe(ATTENDEES_CSV_HEADER.join(","));
    // The number starts with "+", so the server's guard against spreadsheet formulas puts a ' before it.
    expect(lines).toEqual([`${ticketNumber},Regular,${buyer.name},"'${buyer.mobile.e164}",owned,`]);

    // A capacity below the seats sold is refused by the server, and the page says why.
    await page.getByRole("navigation", { name: "This event" }).getByRole("link", { name: "Details" }).click();
    await page.getByRole("button", { name: "Edit Regular" }).click();
    const edit = page.getByTestId("edit-category-form");
    await edit.getByLabel("Capacity", { exact: true }).fill("0");
    await edit.getByRole("button", { name: "Save" }).click();
    const refusal = edit.getByRole("alert");
    await refusal.waitFor();
    expect(await textOf(refusal)).toContain("More tickets of this category are already sold.");
    expect(await textOf(refusal)).toContain("the capacity can be no less than 1");
    // A capacity the seats allow is saved.
    await edit.getByLabel("Capacity", { exact: true }).fill("120");
    await edit.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("edit-category-form").waitFor({ state: "detached" });
    const row120 = page.getByTestId("admin-category-row").filter({ hasText: "Regular" });
    expect(await textOf(row120)).toContain("EGP 350.50120"); // price, then the new capacity

    // Check-in counts: nobody admitted yet, one ticket.
    await page.getByRole("navigation", { name: "This event" }).getByRole("link", { name: "Check-in" }).click();
    const checkin = page.getByTestId("admin-checkin");
    await checkin.waitFor();
    expect(await checkin.getAttribute("data-admitted")).toBe("0");
    expect(await checkin.getAttribute("data-total")).toBe("1");
    expect(cspViolations(page)).toEqual([]);
  });

  it("finds the purchase's messages in the ledger, changes the buyer's role, bans them, and logs it all", async ({
    server,
    admin,
  }) => {
    const page = adminPage();
    const buyer = state.buyer;
    if (!buyer) throw new Error("the first test made no buyer");
    // The worker has delivered the purchase's confirmation email by now (or soon).
    await waitForMessage(server, "purchase confirmation", (m) => m.channel === "email" && m.to === buyer.email);

    await page.getByRole("link", { name: "Messages", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Messages" }).waitFor();
    const filters = page.getByTestId("message-filters");
    await filters.getByLabel("Recipient").fill(buyer.email);
    await filters.getByRole("button", { name: "Filter", exact: true }).click();
    // The buyer's welcome and the purchase's confirmation: only emails to that address.
    await expect.poll(async () => [...new Set(await recipients(page))]).toEqual([buyer.email]);
    const confirmation = page.locator('[data-testid="message-row"][data-template="purchase-confirmation"]');
    expect(await confirmation.getAttribute("data-status")).toBe("sent");
    expect(await textOf(confirmation)).toContain("1 of ");

    // By number, in the local spelling the buyer would say it: the texts sent to that number.
    await filters.getByLabel("Recipient").fill(buyer.mobile.local);
    await filters.getByLabel("Channel").selectOption("sms");
    await filters.getByRole("button", { name: "Filter", exact: true }).click();
    await expect.poll(async () => [...new Set(await recipients(page))]).toEqual([buyer.mobile.e164]);
    await page.locator(`[data-testid="message-row"][data-template="otp-register"]`).waitFor();

    // Customers: the operator's own row cannot be changed.
    await page.getByRole("link", { name: "Customers", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Customers" }).waitFor();
    await page.getByLabel("Search customers").fill(admin.name);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const own = page.getByTestId("customer-row").filter({ hasText: admin.name });
    await own.waitFor();
    expect(await textOf(own)).toContain("You");
    expect(await own.getByLabel(`Role of ${admin.name}`).isDisabled()).toBe(true);
    expect(await own.getByRole("button", { name: /^Ban/ }).count()).toBe(0);

    // The buyer, found by number: made door staff, then banned after confirming.
    await page.getByLabel("Search customers").fill(buyer.mobile.international);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    const row = page.getByTestId("customer-row").filter({ hasText: buyer.name });
    await row.waitFor();
    expect(await page.getByTestId("customer-row").count()).toBe(1);
    await row.getByLabel(`Role of ${buyer.name}`).selectOption("staff");
    await page.locator('[data-testid="customer-row"][data-role="staff"]').waitFor();
    await row.getByRole("button", { name: `Ban ${buyer.name}` }).click();
    await row.getByTestId("ban-confirm").waitFor();
    await row.getByTestId("ban-confirm").getByRole("button", { name: "Keep as is" }).click();
    expect(await row.getAttribute("data-status")).toBe("active");
    await row.getByRole("button", { name: `Ban ${buyer.name}` }).click();
    await row.getByTestId("ban-confirm").getByRole("button", { name: "Ban", exact: true }).click();
    await page.locator('[data-testid="customer-row"][data-status="banned"]').waitFor();

    // The audit log, newest first: the ban, the role, and before that the event's changes.
    await page.getByRole("link", { name: "Audit log", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Audit log" }).waitFor();
    const entries = page.getByTestId("audit-row");
    await entries.first().waitFor();
    const actions = await entries.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-action")));
    expect(actions.slice(0, 3)).toEqual(["customer.banned", "customer.role_changed", "category.updated"]);
    expect(actions).toContain("event.published");
    expect(actions.at(-1)).toBe("event.created");
    const ban = entries.first();
    expect(await textOf(ban)).toContain("Banned a customer");
    expect(await textOf(ban)).toContain(admin.name);
    expect(await textOf(ban.getByTestId("audit-before"))).toBe('{"role":"staff","status":"active"}');
    expect(await textOf(ban.getByTestId("audit-after"))).toBe('{"role":"staff","status":"banned"}');
    expect(cspViolations(page)).toEqual([]);
  });

  it("reads in Arabic, right to left, and still fits a phone's screen", async () => {
    const page = adminPage();
    await page.getByRole("button", { name: "العربية" }).click();
    await page.getByRole("link", { name: "الفعاليات", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "الفعاليات" }).waitFor();
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
    const row = page.getByTestId("admin-event-row").filter({ hasText: EVENT });
    expect(await textOf(row.getByTestId("event-status"))).toBe("منشورة");
    // Refreshed as the list comes back on screen: the capacity changed since it was last shown.
    await expect.poll(() => textOf(row.getByTestId("event-seats"))).toBe("1 من 170");
    expect(await textOf(row)).toContain(formatEventDate(STARTS_AT, "ar", "Africa/Cairo").replace(/\s+/g, " "));
    await page.getByRole("link", { name: "فعالية جديدة" }).waitFor();

    // At 375 px the menu and the tables scroll inside their boxes; the page itself does not.
    await page.setViewportSize(PHONE_VIEWPORT);
    expect(await noPageOverflow(page)).toBe(true);
    await page.getByRole("link", { name: "العملاء", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "العملاء" }).waitFor();
    await page.getByTestId("customer-row").first().waitFor();
    expect(await noPageOverflow(page)).toBe(true);
    await closeCheckedPage(page);
  });
});
