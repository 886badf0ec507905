import { maskMobileNumber } from "@ticketrunners/shared";
import type { Page } from "playwright-core";
import { describe, expect } from "vitest";
import { closeCheckedPage, newPage, recordRequests } from "./support/browser";
import { e2eTest as it } from "./support/fixtures";
import { isInLtrElement, logIn, openMyTickets, sentTicketCard, textInScreenOrder, textOf } from "./support/flows";
import { claimLinkIn, waitForMessage } from "./support/inbox";
import { buyThroughApi, freshPerson, messageIds, type Person, registeredPerson } from "./support/people";

// Passing on a ticket one holds ("Send to someone"), in Arabic: the code texted to the holder's own
// number, then the ticket is the recipient's (an account) or waits for them (a new number). The holder
// got the tickets as a gift at purchase, set up through the public API and the sandbox gateway.

const EVENT = "Cairo Jazz Night";
const CATEGORY = "Regular";

/** Every request the page sends for a transfer code, so a test can say when none was sent. */
const codeRequests = (page: Page) =>
  recordRequests(page, (request) => request.url().endsWith("/users/tickets/transfer-code/"));

/** Opens "Send to someone" on the first owned ticket and fills in whom it goes to, in Arabic. */
async function sendFirstTicketTo(page: Page, recipient: Person, name: string) {
  const card = page.getByTestId("owned-ticket").filter({ hasText: EVENT }).first();
  const ticketNumber = await card.getAttribute("data-ticket-number");
  await card.getByRole("button", { name: "أرسلها إلى شخص آخر" }).click();
  const panel = card.getByTestId("send-ticket");
  await panel.getByRole("heading", { name: "أرسل هذه التذكرة إلى شخص آخر" }).waitFor();
  await panel.getByLabel("رقم هاتفه المحمول").fill(recipient.mobile.local);
  await panel.getByLabel("اسمه").fill(name);
  // Their messages are written in the page's language unless the holder picks another.
  expect(await panel.getByLabel("لغة الرسائل التي تصله").inputValue()).toBe("ar");
  return { panel, ticketNumber };
}

describe("passing a ticket on", () => {
  it("sends a ticket with the code texted to the holder, in Arabic; the new holder sees it, and its page shows the history with masked numbers", async ({
    server,
    browser,
  }) => {
    const buyer = await registeredPerson(server, "Mona");
    const owner = await registeredPerson(server, "Nour");
    const hala = await registeredPerson(server, "Hala");
    const newcomer = freshPerson("Youssef");
    // Nour has an account, so both tickets are hers at once.
    await buyThroughApi(server, buyer.tokens, {
      event: EVENT,
      category: CATEGORY,
      assignees: [
        { mobile_number: owner.mobile.local, name: "Nour" },
        { mobile_number: owner.mobile.local, name: "Nour" },
      ],
    });

    const page = await newPage(browser);
    const codes = codeRequests(page);
    await logIn(page, server, owner);
    await page.getByRole("button", { name: "العربية" }).click();
    await page.locator('html[dir="rtl"]').waitFor({ state: "attached" });
    await openMyTickets(page, server, "owned");
    await page.getByTestId("owned-ticket").nth(1).waitFor();
    expect(await page.getByTestId("owned-ticket").count()).toBe(2);

    // Step 1: whom to. Step 2: the code texted to Nour's own number.
    const first = await sendFirstTicketTo(page, hala, "هالة");
    const seen = await messageIds(server, owner.mobile.e164);
    await first.panel.getByRole("button", { name: "متابعة" }).click();
    await first.panel.getByRole("heading", { name: "أكّد أنك صاحب الحساب" }).waitFor();
    const texted = first.panel.getByRole("status").filter({ hasText: "أرسلنا رمزاً برسالة نصية إلى رقمك" });
    await texted.waitFor();
    expect(await textInScreenOrder(texted.locator('bdi[dir="ltr"]'))).toMatch(/^\+20 /);
    const { code } = await server.waitForOtp(owner.mobile.e164, seen);
    expect(codes).toHaveLength(1);
    // The recipient's number reads left to right inside the Arabic sentence.
    const sendTo = first.panel.getByTestId("send-to");
    expect(await isInLtrElement(sendTo)).toBe(true);
    expect((await textInScreenOrder(sendTo)).replace(/\s/g, "")).toBe(hala.mobile.e164);
    // A new code can be asked for only after the minute the server allows.
    expect(await first.panel.getByRole("button", { name: "أرسل إليّ رمزاً جديداً" }).isDisabled()).toBe(true);
    expect(await textOf(first.panel.getByTestId("code-wait"))).toMatch(/^يمكنك طلب رمز جديد بعد/);

    // A wrong code is refused in Arabic, saying how many tries are left; nothing changes.
    await first.panel.getByLabel("رمز التحقق").fill(code === "000000" ? "111111" : "000000");
    const [refused] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/transfer/")),
      first.panel.getByRole("button", { name: "أرسل التذكرة" }).click(),
    ]);
    expect(refused.status()).toBe(401);
    const refusal = first.panel.getByRole("alert");
    await refusal.waitFor();
    expect(await textOf(refusal)).toBe("الرمز غير صحيح. تبقّت لك 4 محاولات.");

    await first.panel.getByLabel("رمز التحقق").fill(code);
    const [transferred] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/transfer/")),
      first.panel.getByRole("button", { name: "أرسل التذكرة" }).click(),
    ]);
    expect(transferred.status()).toBe(200);
    const notice = page.getByTestId("ticket-sent");
    await notice.waitFor();
    expect(await textOf(notice)).toContain(`أصبحت تذكرتك لفعالية ${EVENT} ملكاً لـ`);
    expect((await textInScreenOrder(notice.locator('bdi[dir="ltr"]'))).replace(/\s/g, "")).toBe(hala.mobile.e164);
    await expect.poll(() => page.getByTestId("owned-ticket").count()).toBe(1);

    // Within its 10 minutes the code Nour typed serves the next ticket too: no new text is sent.
    const second = await sendFirstTicketTo(page, newcomer, "يوسف");
    await second.panel.getByRole("button", { name: "متابعة" }).click();
    await second.panel.getByText("أدخلت رمزاً قبل دقائق").waitFor();
    expect(await second.panel.getByLabel("رمز التحقق").inputValue()).toBe(code);
    await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/transfer/") && r.status() === 200),
      second.panel.getByRole("button", { name: "أرسل التذكرة" }).click(),
    ]);
    await notice.filter({ hasText: "في طريقها إلى" }).waitFor();
    expect(codes).toHaveLength(1);
    expect(await page.getByTestId("owned-ticket").count()).toBe(0);

    // Someone new is texted a claim link in the language Nour chose for them.
    const claimSms = await waitForMessage(server, `a claim SMS to ${newcomer.mobile.e164}`, (m) => {
      return m.channel === "sms" && m.to === newcomer.mobile.e164 && claimLinkIn(server, m.text) !== undefined;
    });
    expect(claimSms.text).toMatch(/[\u0600-\u06ff]/);
    expect(claimSms.text).toContain(owner.name);

    // Hala has an account: the ticket is hers already, with a text pointing to My Tickets.
    const halaSms = await waitForMessage(server, `an SMS to ${hala.mobile.e164}`, (m) => {
      return m.channel === "sms" && m.to === hala.mobile.e164 && m.text.includes(EVENT);
    });
    expect(halaSms.text).toContain(owner.name);
    expect(halaSms.text).toContain(`${server.baseUrl}/my-tickets`);
    const halaPage = await newPage(browser);
    await logIn(halaPage, server, hala);
    await openMyTickets(halaPage, server, "owned");
    await halaPage.locator(`[data-testid="owned-ticket"][data-ticket-number="${first.ticketNumber}"]`).waitFor();
    await halaPage.context().close();

    // Nour's Sent tab: passed on to Hala (hers) and to Youssef (waiting for him).
    await page.getByTestId("tab-sent").click();
    const toHala = sentTicketCard(page, hala.mobile.e164);
    await toHala.waitFor();
    expect(await textOf(toHala.getByTestId("given-as"))).toBe("نقلتها إليه");
    expect(await textOf(toHala.getByTestId("claim-status"))).toBe("تم الاستلام");
    const toYoussef = sentTicketCard(page, newcomer.mobile.e164);
    expect(await textOf(toYoussef.getByTestId("claim-status"))).toBe("بانتظار الاستلام");
    await toYoussef.getByRole("button", { name: "تغيير الرقم" }).waitFor();

    // The ticket's page: its history, with Hala's number masked and Nour's own shown whole.
    await toHala.getByRole("link", { name: "التفاصيل والسجل" }).click();
    await page.waitForURL(/\/my-tickets\/[0-9a-f-]{36}$/);
    await page.getByRole("heading", { level: 1, name: EVENT }).waitFor();
    expect(await textOf(page.getByTestId("ticket-holder"))).toContain("وقد استلمها");
    expect(await textOf(page.getByTestId("ticket-number"))).toBe(first.ticketNumber);
    await page.getByRole("heading", { level: 2, name: "السجل" }).waitFor();
    const entries = page.getByTestId("history-entry");
    await entries.first().waitFor();
    const actions = await entries.evaluateAll((all) => all.map((e) => e.getAttribute("data-action")));
    expect(actions[0]).toBe("issued");
    expect(actions).toContain("given");
    expect(actions.at(-1)).toBe("transferred");

    const passedOn = page.locator('[data-testid="history-entry"][data-action="transferred"]');
    expect(await textOf(passedOn)).toContain("نُقلت إلى");
    const masked = passedOn.getByTestId("history-to");
    expect(await textOf(masked)).toBe(maskMobileNumber(hala.mobile.e164));
    expect(await isInLtrElement(masked)).toBe(true);
    expect(await textInScreenOrder(masked)).toBe(maskMobileNumber(hala.mobile.e164));
    expect(await textOf(page.getByTestId("ticket-history"))).not.toContain(hala.mobile.e164.slice(-6));

    const given = page.locator('[data-testid="history-entry"][data-action="given"]').first();
    const own = given.getByTestId("history-to");
    expect((await textInScreenOrder(own)).replace(/\s/g, "")).toBe(owner.mobile.e164);

    await closeCheckedPage(page);
  });
});
