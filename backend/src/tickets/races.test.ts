import { and, eq, gt, isNull } from "drizzle-orm";
import { describe, expect } from "vitest";
import { notifications, ticketGifts, ticketRegistrationTokens, tickets } from "../db/schema";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  createEvent,
  type InsertedCustomer,
  insertCustomer,
  purchaseOf,
  verifiedSignup,
} from "../test-support/factories";
import type { HttpAnswer, HttpClient } from "../test-support/http-client";
import { type MobileNumber, uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { testDriver } from "../test-support/test-database";

// Claim, reassign, cancel-gift, resend and transfer of one ticket take its row lock: of two at once,
// the outcome is that of one order or the other, never a mix. On Postgres the requests really run at
// the same time; PGlite runs one transaction at a time, so a few rounds check the same rules there.
const ROUNDS = testDriver() === "postgres" ? 50 : 4;
const API = "/api/v1/users/tickets";

interface Round {
  buyer: InsertedCustomer;
  ticketId: string;
  recipient: MobileNumber;
  signupToken: string;
}

/** A waiting gift whose recipient has verified their number and is about to finish signing up. */
async function waitingGiftAboutToBeClaimed(t: TestApp, buyer: InsertedCustomer, categoryId: string, eventId: string) {
  const recipient = uniqueMobile();
  const booked = await bookFreeTickets(
    t,
    buyer.access,
    purchaseOf({ id: categoryId, eventId }, [{ mobile_number: recipient.local }]),
  );
  const { signupToken } = await verifiedSignup(t, recipient);
  return { buyer, ticketId: booked.tickets[0]?.id as string, recipient, signupToken } satisfies Round;
}

const actions = {
  claim: (http: HttpClient, r: Round) =>
    http.post("/api/v1/users/complete-registration/", {
      mobile_number: r.recipient.local,
      password: "a strong password",
      signup_token: r.signupToken,
    }),
  reassign: (http: HttpClient, r: Round & { newNumber: MobileNumber }) =>
    http.post(`${API}/${r.ticketId}/reassign/`, { mobile_number: r.newNumber.local }, r.buyer.access),
  cancel: (http: HttpClient, r: Round) => http.post(`${API}/${r.ticketId}/cancel-gift/`, undefined, r.buyer.access),
  resend: (http: HttpClient, r: Round) => http.post(`${API}/${r.ticketId}/resend-claim/`, undefined, r.buyer.access),
};
type Action = keyof typeof actions;

/** What the database says about a ticket after a race, and that it is one consistent story. */
async function settled(t: TestApp, r: Round & { newNumber: MobileNumber }) {
  const db = t.database.db;
  const [ticket] = await db.select().from(tickets).where(eq(tickets.id, r.ticketId));
  const waiting = await db
    .select()
    .from(ticketGifts)
    .where(and(eq(ticketGifts.ticketId, r.ticketId), eq(ticketGifts.status, "waiting")));
  const liveLinks = await db
    .select()
    .from(ticketRegistrationTokens)
    .where(
      and(
        eq(ticketRegistrationTokens.ticketId, r.ticketId),
        eq(ticketRegistrationTokens.used, false),
        isNull(ticketRegistrationTokens.revokedAt),
        gt(ticketRegistrationTokens.expiresAt, t.clock.now()),
      ),
    );
  if (!ticket) throw new Error("the ticket vanished");
  // Never both held and waiting, never waiting for two numbers, and a live link only for the number it waits for.
  if (ticket.ownerId) {
    expect(waiting).toEqual([]);
    expect(ticket.claimedAt === null || ticket.ownerId !== r.buyer.customer.id || ticket.assignedMobile === null).toBe(
      true,
    );
  } else {
    expect(waiting).toHaveLength(1);
    expect(waiting[0]?.mobileNumber).toBe(ticket.assignedMobile);
  }
  expect(liveLinks.length).toBeLessThanOrEqual(ticket.ownerId ? 0 : 1);
  for (const link of liveLinks) expect(link.phoneNumber).toBe(ticket.assignedMobile);
  const toNewNumber = await db.select().from(notifications).where(eq(notifications.recipient, r.newNumber.e164));
  return { ticket, toNewNumber: toNewNumber.length };
}

const status = (a: HttpAnswer) => a.status;

async function race(t: TestApp, http: HttpClient, first: Action, second: Action) {
  for (let round = 0; round < ROUNDS; round++) {
    // A buyer and an event per round: the per-buyer limits (free tickets, numbers a day) stay out of it.
    const buyer = await insertCustomer(t, { name: "Racing Sender" });
    const { event, category } = await createEvent(t);
    const r = {
      ...(await waitingGiftAboutToBeClaimed(t, buyer, category.id, event.id)),
      newNumber: uniqueMobile(),
    };
    const [a, b] = await Promise.all([actions[first](http, r), actions[second](http, r)]);
    const outcome = { [first]: status(a), [second]: status(b) };
    const { ticket, toNewNumber } = await settled(t, r);
    const claimedByRecipient =
      ticket.ownerId !== null && ticket.ownerId !== buyer.customer.id && ticket.assignedMobile === r.recipient.e164;

    if (outcome.claim !== undefined) expect(outcome.claim).toBe(201);
    if (outcome.reassign === 200) {
      // Unless a cancel came after it and took the ticket back, it now waits for (or is held by) the new number.
      if (outcome.cancel !== 200) expect(ticket.assignedMobile).toBe(r.newNumber.e164);
      expect(toNewNumber).toBeGreaterThan(0);
    } else if (outcome.reassign !== undefined) {
      expect(outcome.reassign).toBe(409);
      expect(toNewNumber).toBe(0);
    }
    if (outcome.cancel === 200) {
      expect(ticket.ownerId).toBe(buyer.customer.id);
      expect(ticket.assignedMobile).toBeNull();
    } else if (outcome.cancel !== undefined) expect(outcome.cancel).toBe(409);
    if (outcome.resend !== undefined) expect([202, 409]).toContain(outcome.resend);
    // A resend changes no holder: whichever came first, the recipient's signup ends up holding the ticket.
    if (first === "claim" && second === "resend") expect(claimedByRecipient).toBe(true);
    // A claim that came first holds the ticket; any change that came first took it from the recipient.
    if (outcome.claim === 201 && (outcome.reassign === 409 || outcome.cancel === 409 || outcome.resend === 409)) {
      expect(claimedByRecipient).toBe(true);
    }
    // A cancel that came first leaves nothing to reassign; after a reassign, a cancel takes the new gift back.
    if (outcome.cancel === 200 && outcome.reassign === 409) expect(toNewNumber).toBe(0);
  }
}

describe("changes of holder racing each other", () => {
  const pairs: [Action, Action][] = [
    ["claim", "reassign"],
    ["claim", "cancel"],
    ["claim", "resend"],
    ["reassign", "cancel"],
    ["reassign", "resend"],
    ["cancel", "resend"],
  ];
  for (const [first, second] of pairs) {
    it(`${first} against ${second}: one order or the other, never a mix`, async ({ t, http }) => {
      await race(t, http, first, second);
    }, 300_000);
  }

  it("two transfers of one ticket: exactly one passes it on", async ({ t, http }) => {
    for (let round = 0; round < ROUNDS; round++) {
      const holder = await insertCustomer(t, { name: "Double Passer" });
      const { category } = await createEvent(t);
      const booked = await bookFreeTickets(t, holder.access, purchaseOf(category, 1));
      const ticketId = booked.tickets[0]?.id as string;
      expect((await http.post(`${API}/transfer-code/`, undefined, holder.access)).status).toBe(202);
      const code = await t.latestOtp(holder.e164);
      const [a, b] = [uniqueMobile(), uniqueMobile()];
      const answers = await Promise.all(
        [a, b].map((to) =>
          http.post(`${API}/${ticketId}/transfer/`, { mobile_number: to.local, otp_code: code }, holder.access),
        ),
      );
      expect(answers.map(status).sort()).toEqual([200, 404]);
      const waiting = await t.database.db
        .select()
        .from(ticketGifts)
        .where(and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.status, "waiting")));
      expect(waiting).toHaveLength(1);
      const winner = answers[0]?.status === 200 ? a : b;
      expect(waiting[0]?.mobileNumber).toBe(winner.e164);
    }
  }, 300_000);
});
