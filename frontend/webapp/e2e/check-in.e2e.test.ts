import { rm } from "node:fs/promises";
import { dirname } from "node:path";
import { formatTimeOfDay } from "@ticketrunners/shared";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import {
  closeCheckedPage,
  cspViolations,
  launchBrowser,
  newPage,
  PHONE_VIEWPORT,
  recordRequests,
} from "./support/browser";
import { staffTest as it } from "./support/fixtures";
import { logIn, signedInPerson, textOf } from "./support/flows";
import {
  bookThroughApi,
  freshPerson,
  myTicketsThroughApi,
  myTicketThroughApi,
  registerThroughApi,
} from "./support/people";
import type { RunningServer } from "./support/server";
import { writeQrVideo } from "./support/y4m";

// Door staff check tickets in at /check-in: with the phone's camera (here Chromium's fake camera playing
// a video of the holder's QR code) or by typing a ticket number. The staff member's number is in the
// server's ADMIN_MOBILE_NUMBERS, so signing up makes them an operator. The demo data's free event gives
// the holders their tickets.

const EVENT = "Community Open Day";
const CATEGORY = "Free entry";
const OTHER_EVENT = "Cairo Jazz Night";

/** A new holder with one free ticket of their own, as the API shows it to them (with its door code). */
async function holderWithTicket(server: RunningServer, firstName: string) {
  const person = freshPerson(firstName);
  const tokens = await registerThroughApi(server, person);
  await bookThroughApi(server, tokens, { event: EVENT, category: CATEGORY, assignees: [null] });
  const { owned } = await myTicketsThroughApi(server, tokens);
  const ticket = owned.find((t) => t.event.name === EVENT);
  if (!ticket?.door_code) throw new Error(`${person.name} holds no ticket with a door code`);
  return { person, tokens, ticket, doorCode: ticket.door_code };
}

/** Every check-in the page sends, so a test can count them. */
const checkinPosts = (page: Page) =>
  recordRequests(
    page,
    (request) => request.method() === "POST" && new URL(request.url()).pathname === "/api/v1/checkin/",
  );

/** Logs the staff member in, opens Check-in from the header and chooses the event. */
async function openCheckIn(page: Page, server: RunningServer, staff: Parameters<typeof logIn>[2], event: string) {
  await logIn(page, server, staff);
  await page.getByRole("link", { name: "Check-in" }).click();
  await page.getByRole("heading", { level: 1, name: "Check-in" }).waitFor();
  await chooseEvent(page, event);
}

async function chooseEvent(page: Page, event: string) {
  const picker = page.getByLabel("Event", { exact: true });
  const value = await picker.locator("option").filter({ hasText: event }).first().getAttribute("value");
  await picker.selectOption(value ?? "");
  await page.locator(`[data-testid="checkin-desk"][data-event-id="${value}"]`).waitFor();
}

const answer = (page: Page, result: string) => page.locator(`[data-testid="scan-answer"][data-result="${result}"]`);
const admittedCount = async (page: Page) =>
  Number(await page.getByTestId("checkin-counts").getAttribute("data-admitted"));

/** Whether the page is wider than the screen (something would have to be scrolled sideways). */
const overflowsSideways = (page: Page) => page.locator("html").evaluate((root) => root.scrollWidth > root.clientWidth);

describe("checking tickets in at the door", () => {
  it("admits a ticket shown to the phone's camera once, however long it stays in view, then refuses it as used", async ({
    server,
    staff: [staff],
    staffAccounts,
  }) => {
    expect(staffAccounts.map((account) => account.user.role)).toEqual(["admin", "admin"]);
    const holder = await holderWithTicket(server, "Laila");
    const video = await writeQrVideo(holder.doorCode);
    const browser = await launchBrowser({ fakeCamera: video });
    try {
      const page = await newPage(browser, "en-US", PHONE_VIEWPORT);
      const posts = checkinPosts(page);
      await openCheckIn(page, server, staff, EVENT);
      const before = await admittedCount(page);

      await page.getByRole("button", { name: "Start camera" }).click();
      const admitted = answer(page, "admitted");
      await admitted.waitFor({ timeout: 20_000 });
      expect(await textOf(admitted.getByRole("heading"))).toBe("Admitted");
      expect(await textOf(admitted.getByTestId("scan-holder"))).toBe(holder.person.name);
      expect(await textOf(admitted.getByTestId("scan-category"))).toBe(CATEGORY);
      expect(await textOf(admitted.getByTestId("scan-ticket-number"))).toBe(holder.ticket.ticket_number);
      await expect.poll(() => admittedCount(page)).toBe(before + 1);

      // The code stays in front of the camera (the video loops): it is not sent again, and the green
      // answer stays on screen for the staff member to read.
      await page.waitForTimeout(3_000);
      expect(posts).toHaveLength(1);
      expect(await admitted.count()).toBe(1);

      // Shown again (the camera started anew): refused, saying when, by the event's clock, and by whom.
      await page.getByRole("button", { name: "Stop camera" }).click();
      await page.getByRole("button", { name: "Start camera" }).click();
      const used = answer(page, "already_used");
      await used.waitFor({ timeout: 20_000 });
      expect(posts).toHaveLength(2);
      const ticket = await myTicketThroughApi(server, holder.tokens, holder.ticket.id);
      const checkedIn = ticket.history.find((entry) => entry.action === "checked_in");
      if (!checkedIn) throw new Error("the ticket's history has no check-in");
      const time = formatTimeOfDay(checkedIn.at, "en", ticket.event.timezone);
      expect(await textOf(used.getByRole("heading"))).toBe("Already used");
      expect(await textOf(used.getByTestId("scan-reason"))).toBe(`Checked in at ${time} by ${staff.name}.`);
      expect(await textOf(used.getByTestId("scan-ticket-number"))).toBe(holder.ticket.ticket_number);
      expect(await admittedCount(page)).toBe(before + 1);

      // The last scans, newest first.
      const recent = page.getByTestId("recent-scan");
      expect(await recent.evaluateAll((items) => items.map((item) => item.getAttribute("data-result")))).toEqual([
        "already_used",
        "admitted",
      ]);
      expect(await textOf(recent.nth(1))).toContain(holder.person.name);

      // Used at the door: the holder's ticket has no door code any more.
      const { owned } = await myTicketsThroughApi(server, holder.tokens);
      expect(owned.find((t) => t.id === holder.ticket.id)).toMatchObject({ status: "used", door_code: null });

      expect(await overflowsSideways(page)).toBe(false);
      expect(cspViolations(page)).toEqual([]);
    } finally {
      await browser.close();
      await rm(dirname(video), { recursive: true, force: true });
    }
  });

  it("admits a typed ticket number, and refuses an unknown number, another event's ticket and a blank", async ({
    server,
    browser,
    staff: [, staff],
    staffAccounts,
  }) => {
    expect(staffAccounts[1]?.user.role).toBe("admin");
    const holder = await holderWithTicket(server, "Youssef");
    const page = await newPage(browser, "en-US", PHONE_VIEWPORT);
    const posts = checkinPosts(page);
    await openCheckIn(page, server, staff, EVENT);
    const before = await admittedCount(page);
    const typed = page.getByTestId("typed-number");
    const number = typed.getByLabel("Ticket number");

    // Typed as people type: lower case.
    await number.fill(holder.ticket.ticket_number.toLowerCase());
    await typed.getByRole("button", { name: "Check ticket" }).click();
    const admitted = answer(page, "admitted");
    await admitted.waitFor();
    expect(await textOf(admitted.getByTestId("scan-holder"))).toBe(holder.person.name);
    expect(await textOf(admitted.getByTestId("scan-category"))).toBe(CATEGORY);
    await expect.poll(() => admittedCount(page)).toBe(before + 1);
    expect(await number.inputValue()).toBe("");

    await number.fill("TR-0000-0000");
    await typed.getByRole("button", { name: "Check ticket" }).click();
    const unknown = answer(page, "unknown");
    await unknown.waitFor();
    expect(await textOf(unknown.getByRole("heading"))).toBe("Not our ticket");
    expect(await textOf(unknown.getByTestId("scan-reason"))).toBe(
      "This is not one of our tickets. Check the code or the number and try again.",
    );
    expect(await textOf(unknown)).toContain("Do not admit");

    // A blank is not sent.
    await typed.getByRole("button", { name: "Check ticket" }).click();
    await typed.getByText("Scan the ticket's QR code or type its ticket number").waitFor();
    expect(posts).toHaveLength(2);

    // At another event's door the ticket is refused, naming the event it is for.
    await chooseEvent(page, OTHER_EVENT);
    await number.fill(holder.ticket.ticket_number);
    await typed.getByRole("button", { name: "Check ticket" }).click();
    const wrong = answer(page, "wrong_event");
    await wrong.waitFor();
    expect(await textOf(wrong.getByRole("heading"))).toBe("Wrong event");
    expect(await textOf(wrong.getByTestId("scan-reason"))).toBe(`This ticket is for ${EVENT}.`);

    expect(await overflowsSideways(page)).toBe(false);
    await closeCheckedPage(page);
  });

  it("does not exist for a customer: no link in the header, and /check-in is not found", async ({
    server,
    browser,
  }) => {
    const { person: customer, page } = await signedInPerson(server, browser, "Hana");
    expect(customer.tokens.user.role).toBe("customer");
    await page.getByRole("link", { name: "My tickets", exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Check-in" }).count()).toBe(0);
    await page.goto(`${server.baseUrl}/check-in`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    await page.context().close();
  });
});
