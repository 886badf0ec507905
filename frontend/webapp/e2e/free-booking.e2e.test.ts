import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { closeCheckedPage, recordRequests } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { isInLtrElement, openMyTickets, remaining, signedInPerson, textInScreenOrder, textOf } from "./support/flows";
import { waitForMessage } from "./support/inbox";
import { bookThroughApi, freshPerson } from "./support/people";

// Free tickets are booked, not paid for: `tickets/book` issues them at once, with no gateway page.
// The demo data's free event has one category, priced 0.

const EVENT = "Community Open Day";
const CATEGORY = "Free entry";

/** Every request the page sends to start a checkout, so a test can say none was sent. */
const checkoutRequests = (page: Page) =>
  recordRequests(page, (request) => request.url().includes("/payments/process/"));

describe("booking free tickets", () => {
  it("shows مجانًا for a free event in Arabic, books a ticket kept and one given at once, and both appear in My tickets", async ({
    server,
    browser,
  }) => {
    const friend = freshPerson("Salma");
    const { page } = await signedInPerson(server, browser, "Mona");
    const checkouts = checkoutRequests(page);
    await page.getByRole("button", { name: "العربية" }).click();
    await page.locator('html[dir="rtl"]').waitFor({ state: "attached" });

    // The events list says free instead of a price.
    await page.goto(`${server.baseUrl}/`);
    const card = page.getByTestId("event-card").filter({ hasText: EVENT });
    expect(await textOf(card.getByTestId("event-price"))).toBe("مجانًا");
    await card.getByRole("link", { name: EVENT }).click();
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();

    // So do the category and, once tickets are chosen, the total.
    const row = page.getByTestId("category").filter({ hasText: CATEGORY });
    expect(await textOf(row.locator(".category-price"))).toBe("مجانًا");
    const before = await remaining(page, CATEGORY);
    await page.getByLabel(`عدد تذاكر ${CATEGORY}`).selectOption("2");
    const second = page.getByRole("group", { name: `التذكرة 2 · ${CATEGORY}` });
    await second.getByLabel("لشخص آخر").check();
    await second.getByLabel("رقم هاتفه المحمول").fill(friend.mobile.local);
    await second.getByLabel("اسمه").fill("سلمى");
    expect(await textOf(page.locator(".booking-total-amount"))).toBe("مجانًا");
    await page.getByText("لا حاجة إلى الدفع").waitFor();

    const [booked] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/tickets/book/")),
      page.getByRole("button", { name: "احجز مجانًا" }).click(),
    ]);
    expect(booked.status()).toBe(201);

    // Booked at once: a confirmation on the event page, no gateway page, no checkout.
    const confirmation = page.locator('[data-testid="booking-confirmation"][data-status="booked"]');
    await confirmation.getByRole("heading", { name: "تم حجز تذاكرك" }).waitFor();
    expect(await textOf(confirmation.getByTestId("booking-summary"))).toBe("تذكرتاك المجانيتان جاهزتان.");
    expect(new URL(page.url()).pathname).toMatch(/^\/events\//);
    expect(checkouts).toEqual([]);

    // The friend is texted their claim link, as with a paid gift.
    const sms = await waitForMessage(server, `a claim SMS to ${friend.mobile.e164}`, (m) => {
      return m.channel === "sms" && m.to === friend.mobile.e164 && m.text.includes(EVENT);
    });
    expect(sms.text).toContain("/signup?token=");

    // Booking more shows the form again, with the two seats gone from what is left.
    await confirmation.getByRole("button", { name: "احجز تذاكر أخرى" }).click();
    await page.getByTestId("booking-form").waitFor();
    await expect.poll(() => remaining(page, CATEGORY)).toBe(before - 2);

    await openMyTickets(page, server, "owned");
    const owned = page.getByTestId("owned-ticket").filter({ hasText: EVENT });
    await owned.first().waitFor();
    expect(await owned.count()).toBe(1);
    await page.getByTestId("tab-sent").click();
    const sent = page.locator(`[data-testid="sent-ticket"][data-recipient="${friend.mobile.e164}"]`);
    await sent.waitFor();
    expect(await textOf(sent)).toContain(EVENT);
    expect(await textOf(sent.getByTestId("claim-status"))).toBe("بانتظار الاستلام");

    // The friend's number reads "+20 …" left to right on the Arabic page, isolated from the text around
    // it: on its own line, and inside the sentence that says a new link went to it.
    const number = sent.getByTestId("recipient-mobile");
    expect(await isInLtrElement(number)).toBe(true);
    expect(await textOf(number)).toMatch(/^\+20 /);
    const onScreen = await textInScreenOrder(number);
    expect(onScreen).toMatch(/^\+20 /);
    expect(onScreen.replace(/\s/g, "")).toBe(friend.mobile.e164);
    await sent.getByRole("button", { name: "إعادة إرسال الرابط" }).click();
    const resent = sent.getByRole("status").filter({ hasText: "أرسلنا رابطاً جديداً إلى" });
    await resent.waitFor();
    const inSentence = resent.locator('bdi[dir="ltr"]');
    expect(await isInLtrElement(inSentence)).toBe(true);
    expect(await textInScreenOrder(inSentence)).toBe(onScreen);

    await closeCheckedPage(page);
  });

  it("refuses a fifth free ticket for one event, saying which limit was reached", async ({ server, browser }) => {
    const { person: buyer, page } = await signedInPerson(server, browser, "Karim");
    await bookThroughApi(server, buyer.tokens, {
      event: EVENT,
      category: CATEGORY,
      assignees: [null, null, null, null],
    });

    await page.goto(`${server.baseUrl}/`);
    const card = page.getByTestId("event-card").filter({ hasText: EVENT });
    expect(await textOf(card.getByTestId("event-price"))).toBe("Free");
    await card.getByRole("link", { name: EVENT }).click();
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();
    expect(await textOf(page.getByTestId("category").filter({ hasText: CATEGORY }).locator(".category-price"))).toBe(
      "Free",
    );

    await page.getByLabel(`Number of ${CATEGORY} tickets`).selectOption("1");
    expect(await textOf(page.getByTestId("booking-total"))).toContain("1 ticket");
    expect(await textOf(page.locator(".booking-total-amount"))).toBe("Free");
    await page.getByRole("button", { name: "Book for free" }).click();
    const alert = page.getByRole("alert");
    await alert.waitFor();
    expect(await textOf(alert)).toBe(
      "One person can book at most 4 free tickets for this event. You have booked that many already.",
    );
    expect(await page.getByTestId("booking-confirmation").count()).toBe(0);
    await page.context().close();
  });
});
