import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { ticketGifts } from "../db/schema";
import { DAY, HOUR } from "../shared/clock";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  claimLinkAnswer,
  claimTokenSentTo,
  createEvent,
  insertCustomer,
  purchaseOf,
} from "../test-support/factories";
import { uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { inQuietHours, sendDueReminders } from "./reminders";

// 10:00 UTC is 12:00 in Cairo: outside the default quiet hours (21:00–09:00 there).
const NOON_IN_CAIRO = "2027-03-10T10:00:00Z";

/** A buyer gives `count` tickets of an event starting `startsIn` from now to one new number. */
async function waitingGift(t: TestApp, count: number, startsIn = 7 * DAY) {
  const buyer = await insertCustomer(t, { name: "Reminding Buyer" });
  const { category } = await createEvent(t, {
    startsAt: new Date(t.clock.now().getTime() + startsIn),
    name: "Late Show",
  });
  const to = uniqueMobile();
  const booked = await bookFreeTickets(
    t,
    buyer.access,
    purchaseOf(category, Array(count).fill({ mobile_number: to.local })),
  );
  await t.deliverAll();
  return { to, ticketIds: booked.tickets.map((x) => x.id), first: await claimTokenSentTo(t, to.e164) };
}

const remind = async (t: TestApp) => {
  const n = await sendDueReminders(t.runtime.deps);
  await t.deliverAll();
  return n;
};
const reminderTexts = async (t: TestApp, e164: string) =>
  (await t.inbox(e164)).filter((m) => m.text.startsWith("Reminder")).map((m) => m.text);

describe("reminders to recipients who have not claimed", () => {
  it("come 72 hours after the first message with a fresh link, then 48 hours before the event, then no more", async ({
    t,
    http,
  }) => {
    t.clock.set(NOON_IN_CAIRO);
    const { to, ticketIds, first } = await waitingGift(t, 3);
    t.clock.advance(71 * HOUR);
    expect(await remind(t)).toBe(0);

    t.clock.advance(HOUR);
    expect(await remind(t)).toBe(1);
    const texts = await reminderTexts(t, to.e164);
    // One message for the three tickets of the purchase, with a new link; the first link stops working.
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/3 tickets/);
    const second = await claimTokenSentTo(t, to.e164);
    expect(second).not.toBe(first);
    expect((await claimLinkAnswer(http, first)).status).toBe(410);
    expect((await claimLinkAnswer(http, second)).body).toMatchObject({ valid: true, ticket_count: 3 });

    // 48 hours before the start (day 5).
    t.clock.advance(2 * DAY - HOUR);
    expect(await remind(t)).toBe(0);
    t.clock.advance(HOUR);
    expect(await remind(t)).toBe(1);
    t.clock.advance(HOUR * 30);
    expect(await remind(t)).toBe(0);
    expect(await reminderTexts(t, to.e164)).toHaveLength(2);

    const [gift] = await t.database.db
      .select()
      .from(ticketGifts)
      .where(eq(ticketGifts.ticketId, ticketIds[0] ?? ""));
    expect(gift?.remindersSent).toBe(2);
  });

  it("skip the pre-event reminder when the recipient heard from us in the last 12 hours", async ({ t }) => {
    t.clock.set(NOON_IN_CAIRO);
    // Given 55 hours before the start: the 48-hour mark comes 7 hours after the first message.
    const { to } = await waitingGift(t, 1, 55 * HOUR);
    // Given 70 hours before the start: its 48-hour mark comes 22 hours after the first message (10:00 in Cairo).
    const control = await waitingGift(t, 1, 70 * HOUR);
    t.clock.advance(7 * HOUR);
    expect(await remind(t)).toBe(0);
    t.clock.advance(6 * HOUR);
    await remind(t);
    expect(await reminderTexts(t, to.e164)).toEqual([]);
    // Skipped, not put off: once the quiet hours are over and the last message is old, still nothing;
    // the gift whose 48-hour mark found a quiet phone gets its reminder then.
    t.clock.advance(9 * HOUR);
    expect(inQuietHours(t.clock.now(), "Africa/Cairo", t.runtime.deps.config.QUIET_HOURS)).toBe(false);
    expect(await remind(t)).toBe(1);
    expect(await reminderTexts(t, to.e164)).toEqual([]);
    expect(await reminderTexts(t, control.to.e164)).toHaveLength(1);
  });

  it("wait for the end of the quiet hours in the event's time zone", async ({ t }) => {
    // 19:00 UTC is 21:00 in Cairo.
    t.clock.set("2027-03-10T19:00:00Z");
    const { to } = await waitingGift(t, 1);
    t.clock.advance(72 * HOUR);
    expect(inQuietHours(t.clock.now(), "Africa/Cairo", t.runtime.deps.config.QUIET_HOURS)).toBe(true);
    await remind(t);
    t.clock.advance(11 * HOUR); // 08:00 in Cairo
    await remind(t);
    expect(await reminderTexts(t, to.e164)).toEqual([]);
    t.clock.advance(HOUR); // 09:00
    await remind(t);
    expect(await reminderTexts(t, to.e164)).toHaveLength(1);
  });

  it("are sent once however many workers run the job at the same moment", async ({ t }) => {
    t.clock.set(NOON_IN_CAIRO);
    const gifts = [await waitingGift(t, 1), await waitingGift(t, 2), await waitingGift(t, 1)];
    t.clock.advance(73 * HOUR);
    await Promise.all([0, 1, 2, 3].map(() => sendDueReminders(t.runtime.deps)));
    await t.deliverAll();
    for (const { to } of gifts) expect(await reminderTexts(t, to.e164)).toHaveLength(1);
  });

  it("stop once the ticket is claimed", async ({ t, http }) => {
    t.clock.set(NOON_IN_CAIRO);
    const { to } = await waitingGift(t, 1);
    const reg = await http.post("/api/v1/users/register/", { mobile_number: to.local, name: "Claims Fast" });
    const code = await t.latestOtp(to.e164);
    const verified = await http.post("/api/v1/users/verify-otp/", {
      mobile_number: to.local,
      otp_code: code,
      signup_id: reg.body.signup_id,
    });
    const done = await http.post("/api/v1/users/complete-registration/", {
      mobile_number: to.local,
      password: "a strong password",
      signup_token: verified.body.signup_token,
    });
    expect(done.status).toBe(201);
    // Another gift, not claimed, given at the same moment: the job does run, for it alone.
    const unclaimed = await waitingGift(t, 1);
    t.clock.advance(80 * HOUR);
    expect(await remind(t)).toBe(1);
    expect(await reminderTexts(t, to.e164)).toEqual([]);
    expect(await reminderTexts(t, unclaimed.to.e164)).toHaveLength(1);
  });
});

describe("quiet hours", () => {
  it("wrap midnight and follow the zone", () => {
    const quiet = { from: 21, to: 9 };
    expect(inQuietHours(new Date("2027-03-10T19:30:00Z"), "Africa/Cairo", quiet)).toBe(true);
    expect(inQuietHours(new Date("2027-03-10T06:59:00Z"), "Africa/Cairo", quiet)).toBe(true);
    expect(inQuietHours(new Date("2027-03-10T07:00:00Z"), "Africa/Cairo", quiet)).toBe(false);
    // 01:00 UTC: 03:00 in Cairo, 10:00 in Tokyo.
    expect(inQuietHours(new Date("2027-03-10T01:00:00Z"), "Africa/Cairo", quiet)).toBe(true);
    expect(inQuietHours(new Date("2027-03-10T01:00:00Z"), "Asia/Tokyo", quiet)).toBe(false);
    expect(inQuietHours(new Date("2027-03-10T19:30:00Z"), "Africa/Cairo", null)).toBe(false);
  });
});
