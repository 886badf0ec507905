import { maskMobileNumber } from "@ticketrunners/shared";
import { and, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { startSession } from "../accounts/sessions";
import { events, notifications, ticketGifts, tickets } from "../db/schema";
import { MINUTE } from "../shared/clock";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  claimLinkAnswer,
  claimTokenSentTo,
  createEvent,
  insertCustomer,
  purchaseOf,
  signUpThroughApi,
} from "../test-support/factories";
import type { HttpClient } from "../test-support/http-client";
import { uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { watchWrites } from "../test-support/write-detector";

// A ticket's life after the purchase: changing a gift's number, taking a gift back, passing a ticket
// on with a texted code — over real HTTP, as the webapp (or an attacker) would call it.

const API = "/api/v1/users/tickets";

/** A buyer gives one free ticket to a new number; returns the buyer, the recipient's number and the ticket. */
async function giftToNewNumber(t: TestApp, options: { startsInMs?: number; cutoff?: number; allowed?: boolean } = {}) {
  const buyer = await insertCustomer(t, { name: "Mona Sender", email: "mona@example.com" });
  const { event, category } = await createEvent(t, {
    name: "Nile Nights",
    ...(options.startsInMs ? { startsAt: new Date(t.clock.now().getTime() + options.startsInMs) } : {}),
  });
  if (options.cutoff !== undefined || options.allowed !== undefined) {
    await t.database.db
      .update(events)
      .set({ transferCutoffMinutes: options.cutoff ?? 0, transfersAllowed: options.allowed ?? true })
      .where(eq(events.id, event.id));
  }
  const to = uniqueMobile();
  const booked = await bookFreeTickets(
    t,
    buyer.access,
    purchaseOf(category, [{ mobile_number: to.local, name: "Old Friend" }]),
  );
  const ticketId = booked.tickets[0]?.id as string;
  await t.deliverAll();
  return { buyer, to, ticketId, event, category };
}

/** A holder's change of a ticket: `reassign` a waiting gift to another number, or `transfer` an owned ticket. */
const changeHolder = (
  http: HttpClient,
  ticketId: string | undefined,
  change: "reassign" | "transfer",
  body: unknown,
  token: string,
) => http.post(`${API}/${ticketId}/${change}/`, body, token);

const ticketRow = async (t: TestApp, id: string) =>
  (await t.database.db.select().from(tickets).where(eq(tickets.id, id)))[0];

describe("changing a waiting gift's number", () => {
  it("moves the ticket to the new number, kills the old link and texts only the new number", async ({ t, http }) => {
    const { buyer, to, ticketId } = await giftToNewNumber(t);
    const oldToken = await claimTokenSentTo(t, to.e164);
    const textsToOld = (await t.inbox(to.e164)).length;
    const fresh = uniqueMobile();

    const res = await changeHolder(
      http,
      ticketId,
      "reassign",
      { mobile_number: fresh.local, name: "Right Friend" },
      buyer.access,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: ticketId,
      claim_status: "pending",
      given_as: "purchase",
      assignee: { mobile_number: fresh.e164, name: "Right Friend" },
      door_code: null,
    });
    expect((await claimLinkAnswer(http, oldToken)).status).toBe(410);
    const newToken = await claimTokenSentTo(t, fresh.e164);
    expect((await claimLinkAnswer(http, newToken)).body).toMatchObject({
      valid: true,
      phone_number: fresh.e164,
      purchaser_name: "Mona Sender",
    });
    await t.deliverAll();
    expect((await t.inbox(to.e164)).length).toBe(textsToOld);

    // The new number signs up and holds it; the sender hears about it.
    const recipient = await signUpThroughApi(t, { mobile: fresh, name: "Right Friend" });
    const mine = await http.get(`${API}/`, recipient.access);
    expect(mine.body.owned.map((x: { id: string }) => x.id)).toEqual([ticketId]);
    await t.deliverAll();
    const [told] = await t.inbox("mona@example.com");
    expect(told?.subject).toContain("Right Friend now has your ticket to Nile Nights");

    const history = await http.get(`${API}/${ticketId}/`, buyer.access);
    expect(history.body.history.map((h: { action: string }) => h.action)).toEqual([
      "issued",
      "given",
      "reassigned",
      "claimed",
    ]);
    expect(history.body.history[2]).toMatchObject({
      from: maskMobileNumber(to.e164),
      to: maskMobileNumber(fresh.e164),
    });
    // The new holder sees their own number whole, the others masked.
    const theirs = await http.get(`${API}/${ticketId}/`, recipient.access);
    expect(theirs.body.history.at(-1)).toMatchObject({ action: "claimed", to: fresh.e164 });
    expect(theirs.body.door_code).toMatch(/^[\w-]{114}$/);
  });

  it("gives it at once to a number that has an account, with the My Tickets link", async ({ t, http }) => {
    const { buyer, to, ticketId } = await giftToNewNumber(t);
    const oldToken = await claimTokenSentTo(t, to.e164);
    const friend = await insertCustomer(t, { name: "Has Account", locale: "ar" });
    const res = await changeHolder(http, ticketId, "reassign", { mobile_number: friend.e164 }, buyer.access);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ claim_status: "claimed", assignee: { mobile_number: friend.e164 } });
    expect((await ticketRow(t, ticketId))?.ownerId).toBe(friend.customer.id);
    // It waits for nobody now: the old number's link is dead, and nothing waits for it.
    expect((await claimLinkAnswer(http, oldToken)).status).toBe(410);
    const waiting = await t.database.db
      .select()
      .from(ticketGifts)
      .where(and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.status, "waiting")));
    expect(waiting).toEqual([]);
    await t.deliverAll();
    const [sms] = await t.inbox(friend.e164);
    expect(sms?.text).toContain("/my-tickets");
    // Written in the recipient's own language.
    expect(sms?.text).toMatch(/[\u0600-\u06ff]/);
  });

  it("takes the gift back when the new number is the sender's own", async ({ t, http }) => {
    const { buyer, to, ticketId } = await giftToNewNumber(t);
    const oldToken = await claimTokenSentTo(t, to.e164);
    const res = await changeHolder(http, ticketId, "reassign", { mobile_number: buyer.e164 }, buyer.access);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ticketId, assignee: null });
    expect(res.body.door_code).toMatch(/^[\w-]{114}$/);
    expect((await ticketRow(t, ticketId))?.ownerId).toBe(buyer.customer.id);
    // A cancel: the link is revoked, the history says so, and the old number signing up later gets nothing.
    expect((await claimLinkAnswer(http, oldToken)).body.error.code).toBe("TOKEN_USED");
    const history = await http.get(`${API}/${ticketId}/`, buyer.access);
    expect(history.body.history.at(-1)).toMatchObject({ action: "gift_cancelled" });
    const late = await signUpThroughApi(t, { mobile: to });
    expect((await http.get(`${API}/`, late.access)).body.owned).toEqual([]);
  });

  it("refuses bad changes with 4xx and changes nothing: tickets, links, outbox, history", async ({ t, http }) => {
    const { buyer, to, ticketId } = await giftToNewNumber(t);
    const stranger = await insertCustomer(t);
    const cases: [string, unknown, string, number, string][] = [
      ["a landline", { mobile_number: "0223456789" }, buyer.access, 400, "VALIDATION_ERROR"],
      ["an invalid number", { mobile_number: "0101234" }, buyer.access, 400, "VALIDATION_ERROR"],
      [
        "a phishing name",
        { mobile_number: uniqueMobile().local, name: "Visit bit.ly/x" },
        buyer.access,
        400,
        "VALIDATION_ERROR",
      ],
      ["the number it waits for", { mobile_number: to.international }, buyer.access, 400, "SAME_HOLDER"],
      ["someone else's ticket", { mobile_number: uniqueMobile().local }, stranger.access, 404, "TICKET_NOT_FOUND"],
    ];
    const writes = await watchWrites(t.database.db);
    for (const [name, body, access, status, code] of cases) {
      const res = await changeHolder(http, ticketId, "reassign", body, access);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({ name, status, code });
    }
    expect(await writes.take()).toEqual({});
  });

  it("refuses once claimed, after the transfer window, when transfers are off, and for a used ticket", async ({
    t,
    http,
  }) => {
    const claimed = await giftToNewNumber(t);
    await signUpThroughApi(t, { mobile: claimed.to });
    const late = await giftToNewNumber(t, { startsInMs: 2 * 3_600_000, cutoff: 180 });
    const off = await giftToNewNumber(t, { allowed: false });
    const used = await giftToNewNumber(t);
    await t.database.db.update(tickets).set({ status: "used" }).where(eq(tickets.id, used.ticketId));

    const writes = await watchWrites(t.database.db);
    const attempt = (g: { buyer: { access: string }; ticketId: string }) =>
      changeHolder(http, g.ticketId, "reassign", { mobile_number: uniqueMobile().local }, g.buyer.access);
    expect((await attempt(claimed)).body.error.code).toBe("ALREADY_CLAIMED");
    expect((await attempt(late)).body.error).toMatchObject({ code: "TRANSFER_CLOSED" });
    expect((await attempt(off)).status).toBe(409);
    expect((await attempt(off)).body.error.code).toBe("TRANSFER_CLOSED");
    expect((await attempt(used)).body.error.code).toBe("TICKET_LOCKED");
    expect(await writes.take()).toEqual({});
  });
});

describe("cancelling a gift", () => {
  it("makes the ticket the sender's again and its link stop working", async ({ t, http }) => {
    const { buyer, to, ticketId } = await giftToNewNumber(t);
    const token = await claimTokenSentTo(t, to.e164);
    const res = await http.post(`${API}/${ticketId}/cancel-gift/`, undefined, buyer.access);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: ticketId, assignee: null });
    expect((await claimLinkAnswer(http, token)).body.error.code).toBe("TOKEN_USED");
    const mine = await http.get(`${API}/`, buyer.access);
    expect(mine.body.owned.map((x: { id: string }) => x.id)).toContain(ticketId);
    expect(mine.body.sent).toEqual([]);
    // Signing up with that number later claims nothing.
    const late = await signUpThroughApi(t, { mobile: to });
    expect((await http.get(`${API}/`, late.access)).body.owned).toEqual([]);
    const history = await http.get(`${API}/${ticketId}/`, buyer.access);
    expect(history.body.history.at(-1)).toMatchObject({ action: "gift_cancelled", from: maskMobileNumber(to.e164) });
  });

  it("refuses a claimed gift, someone else's, and after the event started", async ({ t, http }) => {
    const claimed = await giftToNewNumber(t);
    await signUpThroughApi(t, { mobile: claimed.to });
    const soon = await giftToNewNumber(t, { startsInMs: 10 * MINUTE });
    const stranger = await insertCustomer(t);
    const writes = await watchWrites(t.database.db);
    expect(
      (await http.post(`${API}/${claimed.ticketId}/cancel-gift/`, undefined, claimed.buyer.access)).body.error.code,
    ).toBe("ALREADY_CLAIMED");
    expect((await http.post(`${API}/${soon.ticketId}/cancel-gift/`, undefined, stranger.access)).status).toBe(404);
    // The event has started (the buyer's session, 11 minutes old, still holds).
    t.clock.advance(11 * MINUTE);
    expect(
      (await http.post(`${API}/${soon.ticketId}/cancel-gift/`, undefined, soon.buyer.access)).body.error.code,
    ).toBe("TRANSFER_CLOSED");
    expect(await writes.take()).toEqual({});
  });
});

/** A holder with a ticket of their own (booked free), signed in over HTTP. */
async function holderWithTicket(t: TestApp) {
  const holder = await insertCustomer(t, { name: "Omar Holder", email: "omar@example.com" });
  const { category, event } = await createEvent(t, { name: "Desert Jazz" });
  const booked = await bookFreeTickets(t, holder.access, purchaseOf(category, 2));
  await t.deliverAll();
  return { holder, event, ticketIds: booked.tickets.map((x) => x.id) };
}

async function transferCode(t: TestApp, http: HttpClient, holder: { access: string; e164: string }) {
  const res = await http.post(`${API}/transfer-code/`, undefined, holder.access);
  expect(res.status).toBe(202);
  return t.latestOtp(holder.e164);
}

describe("passing a ticket on", () => {
  it("needs the code texted to the holder; the new number waits for it, and the old door code no longer fits", async ({
    t,
    http,
  }) => {
    const { holder, ticketIds } = await holderWithTicket(t);
    const [first, second] = ticketIds as [string, string];
    const before = (await http.get(`${API}/${first}/`, holder.access)).body.door_code;
    const code = await transferCode(t, http, holder);
    const to = uniqueMobile();
    const res = await changeHolder(
      http,
      first,
      "transfer",
      { mobile_number: to.local, name: "Sami", otp_code: code },
      holder.access,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: first,
      given_as: "transfer",
      claim_status: "pending",
      assignee: { mobile_number: to.e164 },
    });

    const token = await claimTokenSentTo(t, to.e164);
    expect((await claimLinkAnswer(http, token)).body).toMatchObject({
      purchaser_name: "Omar Holder",
      phone_number: to.e164,
    });
    const [sms] = await t.inbox(to.e164);
    expect(sms?.text).toContain("Omar Holder sent you a ticket to Desert Jazz");
    expect((await http.get(`${API}/`, holder.access)).body.owned.map((x: { id: string }) => x.id)).toEqual([second]);

    // One code serves the next transfer too, within its 10 minutes.
    const friend = await insertCustomer(t, { name: "Friend With Account" });
    const again = await changeHolder(
      http,
      second,
      "transfer",
      { mobile_number: friend.e164, otp_code: code },
      holder.access,
    );
    expect(again.body).toMatchObject({ claim_status: "claimed" });

    // The recipient signs up and holds the first ticket, with a door code of their own.
    const sami = await signUpThroughApi(t, { mobile: to, name: "Sami" });
    const held = await http.get(`${API}/${first}/`, sami.access);
    expect(held.body.door_code).toMatch(/^[\w-]{114}$/);
    expect(held.body.door_code).not.toBe(before);
    expect(held.body.purchaser_name).toBe("Omar Holder");
    // Sami may pass it on in turn; Omar can no longer take it back.
    expect((await http.post(`${API}/${first}/cancel-gift/`, undefined, holder.access)).body.error.code).toBe(
      "ALREADY_CLAIMED",
    );
  });

  it("refuses in order — not theirs 404, window 409, then the code — and a refusal keeps the code", async ({
    t,
    http,
  }) => {
    const { holder, ticketIds, event } = await holderWithTicket(t);
    const [ticketId] = ticketIds as [string];
    const stranger = await insertCustomer(t);
    const to = uniqueMobile();
    const code = await transferCode(t, http, holder);
    const wrong = code === "000000" ? "111111" : "000000";
    const send = (otp_code: string, access = holder.access, mobile_number = to.local) =>
      changeHolder(http, ticketId, "transfer", { mobile_number, otp_code }, access);

    const writes = await watchWrites(t.database.db);
    expect((await send(code, stranger.access)).status).toBe(404);
    const bad = await send(wrong);
    expect(bad.status).toBe(401);
    expect(bad.body.error).toMatchObject({ code: "INVALID_OTP", details: { attempts_left: 4 } });
    expect((await changeHolder(http, ticketId, "transfer", { mobile_number: to.local }, holder.access)).status).toBe(
      400,
    );
    expect((await send(code, holder.access, holder.e164)).body.error.code).toBe("SAME_HOLDER");
    const attempts = await writes.take();
    // Only the wrong try was counted; no ticket, gift, link, message or history was written.
    expect(Object.keys(attempts)).toEqual(["otp_codes"]);

    await t.database.db.update(events).set({ transfersAllowed: false }).where(eq(events.id, event.id));
    expect((await send(code)).body.error.code).toBe("TRANSFER_CLOSED");
    await t.database.db.update(events).set({ transfersAllowed: true }).where(eq(events.id, event.id));
    expect((await send(code)).status).toBe(200);
  });

  it("locks the code after 5 wrong tries, and it expires after 10 minutes", async ({ t, http }) => {
    const { holder, ticketIds } = await holderWithTicket(t);
    const [ticketId] = ticketIds as [string];
    const code = await transferCode(t, http, holder);
    const wrong = code === "000000" ? "111111" : "000000";
    const send = (otp_code: string) =>
      changeHolder(http, ticketId, "transfer", { mobile_number: uniqueMobile().local, otp_code }, holder.access);
    for (let i = 0; i < 5; i++) expect((await send(wrong)).status).toBe(401);
    expect((await send(code)).body.error.code).toBe("OTP_ATTEMPTS_EXCEEDED");

    const other = await holderWithTicket(t);
    const fresh = await transferCode(t, http, other.holder);
    t.clock.advance(10 * MINUTE + 1_000);
    const { access } = await startSession(t.runtime.deps, t.database.db, other.holder.customer);
    const late = await changeHolder(
      http,
      other.ticketIds[0],
      "transfer",
      { mobile_number: uniqueMobile().local, otp_code: fresh },
      access,
    );
    expect(late.body.error.code).toBe("OTP_EXPIRED");
  });

  it("lets a ticket change hands at most 5 times a day", async ({ t, http }) => {
    const first = await insertCustomer(t, { name: "Passer 0" });
    const { category } = await createEvent(t);
    const booked = await bookFreeTickets(t, first.access, purchaseOf(category, 1));
    const ticketId = booked.tickets[0]?.id as string;
    let holder = first;
    for (let hop = 1; hop <= 6; hop++) {
      const next = await insertCustomer(t, { name: `Passer ${hop}` });
      t.clock.advance(61_000);
      const { access } = await startSession(t.runtime.deps, t.database.db, holder.customer);
      const code = await transferCode(t, http, { access, e164: holder.e164 });
      const res = await changeHolder(http, ticketId, "transfer", { mobile_number: next.e164, otp_code: code }, access);
      if (hop <= 5) {
        expect(res.status).toBe(200);
        holder = next;
      } else {
        expect(res.status).toBe(429);
        expect(res.body.error).toMatchObject({ code: "LIMIT_REACHED", details: { kind: "transfers_per_ticket" } });
      }
    }
  });

  it("counts number changes among a ticket's 5 changes of hands a day: two numbers get no endless texts", async ({
    t,
    http,
  }) => {
    const { buyer, to, ticketId } = await giftToNewNumber(t);
    const other = uniqueMobile();
    const texts = async () => (await t.inbox(to.e164)).length + (await t.inbox(other.e164)).length;
    // Back and forth between two numbers the sender already reached: the 30-numbers limit never trips.
    for (const [i, number] of [other, to, other, to, other].entries()) {
      const res = await changeHolder(http, ticketId, "reassign", { mobile_number: number.local }, buyer.access);
      expect(res.status, `change ${i + 1}`).toBe(200);
    }
    await t.deliverAll();
    const before = await texts();
    const refused = await changeHolder(http, ticketId, "reassign", { mobile_number: to.local }, buyer.access);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "LIMIT_REACHED", details: { kind: "transfers_per_ticket" } });
    await t.deliverAll();
    expect(await texts()).toBe(before);
    // Taking the gift back sends nothing and stays allowed.
    expect((await http.post(`${API}/${ticketId}/cancel-gift/`, undefined, buyer.access)).status).toBe(200);
  });

  it("counts transfers and number changes in the 30 new numbers a day", async ({ t, http }) => {
    const buyer = await insertCustomer(t, { name: "Busy Sender" });
    // 28 numbers reached with gifts at purchase, the 29th by a number change, the 30th by a transfer.
    const numbers = Array.from({ length: 28 }, () => uniqueMobile());
    const booked: string[] = [];
    for (let i = 0; i < 28; i += 4) {
      const chunk = numbers.slice(i, i + 4).map((n) => ({ mobile_number: n.local }));
      const { category: c } = await createEvent(t);
      const res = await bookFreeTickets(t, buyer.access, purchaseOf(c, chunk));
      booked.push(...res.tickets.map((x) => x.id));
    }
    const { category: own } = await createEvent(t);
    const mine = (await bookFreeTickets(t, buyer.access, purchaseOf(own, 2))).tickets.map((x) => x.id);
    const reassigned = await changeHolder(
      http,
      booked[0],
      "reassign",
      { mobile_number: uniqueMobile().local },
      buyer.access,
    );
    expect(reassigned.status).toBe(200);
    const code = await transferCode(t, http, buyer);
    const transferred = await changeHolder(
      http,
      mine[0],
      "transfer",
      { mobile_number: uniqueMobile().local, otp_code: code },
      buyer.access,
    );
    expect(transferred.status).toBe(200);
    // A number already reached today is no new number.
    const known = numbers[0] as (typeof numbers)[number];
    expect((await changeHolder(http, booked[1], "reassign", { mobile_number: known.local }, buyer.access)).status).toBe(
      200,
    );

    const refused = await changeHolder(
      http,
      booked[2],
      "reassign",
      { mobile_number: uniqueMobile().local },
      buyer.access,
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.details).toMatchObject({ kind: "gift_numbers", limit: 30 });
    const refusedTransfer = await changeHolder(
      http,
      mine[1],
      "transfer",
      { mobile_number: uniqueMobile().local, otp_code: code },
      buyer.access,
    );
    expect(refusedTransfer.status).toBe(429);
    expect(refusedTransfer.body.error.details).toMatchObject({ kind: "gift_numbers", limit: 30 });
  });
});

describe("language and profile", () => {
  it("writes to a new number in the language the sender chose, and to an account in its own", async ({ t }) => {
    const buyer = await insertCustomer(t, { name: "Layla", locale: "en" });
    const { category } = await createEvent(t);
    const arabicReader = uniqueMobile();
    const englishAccount = await insertCustomer(t, { locale: "en" });
    await bookFreeTickets(
      t,
      buyer.access,
      purchaseOf(category, [
        { mobile_number: arabicReader.local, locale: "ar" },
        { mobile_number: englishAccount.e164, locale: "ar" },
      ]),
    );
    await t.deliverAll();
    expect((await t.inbox(arabicReader.e164))[0]?.text).toMatch(/[\u0600-\u06ff]/);
    expect((await t.inbox(englishAccount.e164))[0]?.text).toMatch(/^Layla bought you/);
  });

  it("changes a customer's name, email and language, under the same rules as sign-up", async ({ t, http }) => {
    const me = await insertCustomer(t, { name: "Before", email: "before@example.com" });
    const ok = await http.request("PATCH", "/api/v1/users/me/", {
      body: { name: "After Name", email: null, locale: "ar" },
      token: me.access,
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: "After Name", email: null, locale: "ar" });
    expect((await http.get("/api/v1/users/me/", me.access)).body).toMatchObject({ name: "After Name", locale: "ar" });
    const writes = await watchWrites(t.database.db);
    for (const body of [{ name: "Call 0100 123 4567" }, { email: "not-an-email" }, { locale: "fr" }, { name: "" }]) {
      const res = await http.request("PATCH", "/api/v1/users/me/", { body, token: me.access });
      expect(res.status).toBe(400);
    }
    expect(await writes.take()).toEqual({});
  });
});

describe("the Sent tab", () => {
  it("lists what the caller gave, even after the recipient passed it on again", async ({ t, http }) => {
    const buyer = await insertCustomer(t, { name: "First Giver" });
    const middle = await insertCustomer(t, { name: "Middle Holder" });
    const { category } = await createEvent(t);
    const booked = await bookFreeTickets(t, buyer.access, purchaseOf(category, [{ mobile_number: middle.e164 }]));
    const ticketId = booked.tickets[0]?.id as string;
    const code = await transferCode(t, http, middle);
    const last = uniqueMobile();
    expect(
      (await changeHolder(http, ticketId, "transfer", { mobile_number: last.local, otp_code: code }, middle.access))
        .status,
    ).toBe(200);

    const giverSent = (await http.get(`${API}/`, buyer.access)).body.sent;
    expect(giverSent).toEqual([
      expect.objectContaining({
        id: ticketId,
        claim_status: "claimed",
        assignee: expect.objectContaining({ mobile_number: middle.e164 }),
      }),
    ]);
    const middleSent = (await http.get(`${API}/`, middle.access)).body.sent;
    expect(middleSent).toEqual([
      expect.objectContaining({ id: ticketId, given_as: "transfer", claim_status: "pending" }),
    ]);
    // Messages to the transfer's recipient are its sender's to follow.
    const [row] = await t.database.db
      .select()
      .from(ticketGifts)
      .where(and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.senderId, middle.customer.id)));
    expect(row?.mobileNumber).toBe(last.e164);
    const filed = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.giftKey, row?.giftKey ?? ""));
    expect(filed.length).toBeGreaterThan(0);
    expect(filed.map((n) => n.recipient)).toEqual(filed.map(() => last.e164));
    // The first giver's gift files none of them.
    const [firstGift] = await t.database.db
      .select()
      .from(ticketGifts)
      .where(and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.senderId, buyer.customer.id)));
    const firstFiled = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.giftKey, firstGift?.giftKey ?? ""));
    expect(firstFiled.map((n) => n.recipient)).not.toContain(last.e164);
  });
});
