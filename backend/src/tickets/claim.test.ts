import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { hashPassword } from "../accounts/passwords";
import { startSession } from "../accounts/sessions";
import { customers, notifications, ticketRegistrationTokens, tickets } from "../db/schema";
import { countSegments } from "../notifications/messages/assignment.sms";
import { DAY } from "../shared/clock";
import { sha256 } from "../shared/hashing";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  claimTokenSentTo,
  createEvent,
  giveTickets,
  insertCustomer,
  purchaseOf,
  verifiedSignup,
} from "../test-support/factories";
import { uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { countRows } from "../test-support/write-detector";

const validate = (t: TestApp, token?: string) =>
  t.call(
    "GET",
    `/api/v1/users/validate-registration-token/${token === undefined ? "" : `?token=${encodeURIComponent(token)}`}`,
  );

/** The buyer (or anyone holding `access`) asks to send a ticket's claim link again. */
const resendClaim = (t: TestApp, ticketId: string | undefined, access: string) =>
  t.call("POST", `/api/v1/users/tickets/${ticketId}/resend-claim/`, undefined, access);

/** Signs a new person up for `mobile` (local form), with the claim link's token or without one. */
async function signUpWithToken(t: TestApp, mobile: string, token: string | undefined, email?: string) {
  const { signupToken } = await verifiedSignup(
    t,
    { local: mobile, e164: `+20${mobile.slice(1)}` },
    {
      name: "New Person",
      email,
    },
  );
  return t.call("POST", "/api/v1/users/complete-registration/", {
    mobile_number: mobile,
    password: "a strong password",
    signup_token: signupToken,
    ...(token ? { registration_token: token } : {}),
  });
}

describe("assignment messages", () => {
  it("texts and emails an existing customer at once with the My Tickets link", async ({ t }) => {
    const friend = await insertCustomer(t, { name: "Karim", email: "karim@example.com" });
    await giveTickets(t, [{ name: "Karim", mobile_number: friend.e164 }]);
    const [sms] = await t.inbox(friend.e164);
    expect(sms?.text).toBe(
      "Mona Buyer bought you a ticket to Cairo Jazz Night. View it: http://tickets.test/my-tickets",
    );
    const [email] = await t.inbox("karim@example.com");
    expect(email?.subject).toBe("Ticket Purchased for You - Cairo Jazz Night");
    expect(email?.text).toContain("http://tickets.test/my-tickets");
  });

  it("sends one SMS and one email to a recipient of several tickets, with a claim link", async ({ t }) => {
    const stranger = uniqueMobile();
    const guest = { name: "Nour", mobile_number: stranger.local, email: `nour-${stranger.local}@example.com` };
    const { booking, buyer } = await giveTickets(t, [guest, guest, null]);
    const smsList = await t.inbox(stranger.e164);
    expect(smsList).toHaveLength(1);
    expect(smsList[0]?.text).toMatch(
      /^Mona Buyer bought you 2 tickets to Cairo Jazz Night\. Claim them: http:\/\/tickets\.test\/signup\?token=[A-Za-z0-9_-]{43}$/,
    );
    const emails = await t.inbox(guest.email);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.text).toContain(booking.tickets[0]?.ticket_number);
    expect(emails[0]?.text).toContain(booking.tickets[1]?.ticket_number);
    expect(emails[0]?.text).toContain("Mona Buyer");
    expect(emails[0]?.text).toContain(await claimTokenSentTo(t, stranger.e164));
    // Both tickets report the recipient's one SMS and one email, the second as much as the first.
    for (const ticket of booking.tickets.slice(0, 2)) {
      const detail = await t.call("GET", `/api/v1/users/tickets/${ticket.id}/`, undefined, buyer.access);
      expect(detail.json()).toMatchObject({ claim_status: "pending", delivery: { sms: "sent", email: "sent" } });
    }
  });

  it("sends no assignment email when the buyer gave no address, and never to the buyer instead", async ({ t }) => {
    const stranger = uniqueMobile();
    const { booking } = await giveTickets(t, [{ mobile_number: stranger.local }]);
    const emails = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.paymentId, booking.payment_id));
    expect(emails.filter((n) => n.channel === "email").map((n) => n.template)).toEqual(["purchase-confirmation"]);
  });

  it("stores only the token's hash, and no raw token anywhere in the outbox once sent", async ({ t }) => {
    const stranger = uniqueMobile();
    const { booking } = await giveTickets(t, [{ mobile_number: stranger.local, email: "x@example.com" }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    const [row] = await t.database.db
      .select()
      .from(ticketRegistrationTokens)
      .where(eq(ticketRegistrationTokens.phoneNumber, stranger.e164));
    expect(row?.tokenHash).toBe(sha256(token));
    const outbox = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.paymentId, booking.payment_id));
    expect(JSON.stringify(outbox)).not.toContain(token);
    expect(t.logs.join("\n")).not.toContain(token);
  });

  it.for([
    ["en", "The Extraordinarily Long Annual Cairo Jazz & Soul Festival!!", "Mohamed Abdelrahman El-Sayed Mahmoud"],
    ["ar", "مهرجان القاهرة السنوي الطويل جدًا لموسيقى الجاز والسول العربي", "محمد عبد الرحمن السيد محمود"],
  ] as const)(
    "keeps the whole claim URL in a %s SMS about a 60-character event name",
    async ([locale, eventName, buyerName], { t }) => {
      expect([...eventName].length).toBeGreaterThanOrEqual(60);
      const buyer = await insertCustomer(t, { name: buyerName, locale });
      const { category } = await createEvent(t, { name: eventName });
      const stranger = uniqueMobile();
      await bookFreeTickets(t, buyer.access, purchaseOf(category, [{ mobile_number: stranger.local }]));
      await t.deliverAll();
      const [sms] = await t.inbox(stranger.e164);
      const text = sms?.text ?? "";
      const token = await claimTokenSentTo(t, stranger.e164);
      expect(text).toContain(`http://tickets.test/signup?token=${token}`);
      expect(text.endsWith(token)).toBe(true);
      expect(countSegments(text)).toBeLessThanOrEqual(3);
      expect((await validate(t, token)).json().event_name).toBe(eventName);
    },
  );
});

describe("validating a claim link", () => {
  it("describes the ticket for a valid token and has no side effects", async ({ t }) => {
    const stranger = uniqueMobile();
    const { booking } = await giveTickets(t, [{ mobile_number: stranger.local }, { mobile_number: stranger.local }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    const res = await validate(t, token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      valid: true,
      phone_number: stranger.e164,
      ticket_id: booking.tickets[0]?.id,
      ticket_count: 2,
      event_name: "Cairo Jazz Night",
      purchaser_name: "Mona Buyer",
      expires_at: expect.any(String),
    });
    expect((await validate(t, token)).statusCode).toBe(200);
    const [row] = await t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, booking.tickets[0]?.id ?? ""));
    expect(row?.ownerId).toBeNull();
  });

  it("answers 400 without a token and 404 for any variant of a real one", async ({ t }) => {
    const stranger = uniqueMobile();
    await giveTickets(t, [{ mobile_number: stranger.local }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    const missing = await validate(t);
    expect(missing.statusCode).toBe(400);
    expect(missing.json()).toMatchObject({ valid: false, error: { code: "MISSING_TOKEN" } });
    const variants = [
      token.slice(0, 20),
      token.slice(0, -1),
      token.toUpperCase(),
      token.toLowerCase(),
      `${token}x`,
      "nonsense",
    ];
    for (const variant of variants.filter((v) => v !== token)) {
      const res = await validate(t, variant);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toEqual({ valid: false, error: { code: "TOKEN_NOT_FOUND", message: expect.any(String) } });
    }
  });

  it("honours the expiry (7 days by default)", async ({ t }) => {
    const stranger = uniqueMobile();
    await giveTickets(t, [{ mobile_number: stranger.local }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    t.clock.advance(7 * DAY - 60_000);
    expect((await validate(t, token)).statusCode).toBe(200);
    t.clock.advance(120_000);
    const expired = await validate(t, token);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe("TOKEN_EXPIRED");
    const signup = await signUpWithToken(t, stranger.local, token);
    expect(signup.statusCode).toBe(410);
  });
});

describe("claiming tickets", () => {
  it("links the waiting tickets on signup with the link, spends it, and emails a welcome listing them", async ({
    t,
  }) => {
    const stranger = uniqueMobile();
    const { booking, buyer } = await giveTickets(t, [
      { mobile_number: stranger.local },
      { mobile_number: stranger.local },
    ]);
    const token = await claimTokenSentTo(t, stranger.e164);
    const done = await signUpWithToken(t, stranger.local, token, `welcome-${stranger.local}@example.com`);
    expect(done.statusCode).toBe(201);
    const mine = (await t.call("GET", "/api/v1/users/tickets/", undefined, done.json().access)).json();
    expect(mine.owned.map((x: { id: string }) => x.id).sort()).toEqual(booking.tickets.map((x) => x.id).sort());
    expect(mine.owned[0].purchaser_name).toBe("Mona Buyer");

    const reused = await validate(t, token);
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe("TOKEN_USED");

    await t.deliverAll();
    const [welcome] = await t.inbox(`welcome-${stranger.local}@example.com`);
    expect(welcome?.subject).toBe("Welcome to TicketRunners");
    for (const ticket of booking.tickets) expect(welcome?.text).toContain(ticket.ticket_number);

    const sent = (await t.call("GET", "/api/v1/users/tickets/", undefined, buyer.access)).json().sent;
    expect(sent.map((s: { claim_status: string }) => s.claim_status)).toEqual(["claimed", "claimed"]);
  });

  it("refuses a token issued for another number, and links nothing", async ({ t }) => {
    const stranger = uniqueMobile();
    const { booking } = await giveTickets(t, [{ mobile_number: stranger.local }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    const other = uniqueMobile();
    const res = await signUpWithToken(t, other.local, token);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("TOKEN_PHONE_MISMATCH");
    const [row] = await t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, booking.tickets[0]?.id ?? ""));
    expect(row?.ownerId).toBeNull();
    expect((await validate(t, token)).statusCode).toBe(200);
  });

  it("gives a new number its waiting tickets when it signs up without the link", async ({ t }) => {
    const stranger = uniqueMobile();
    const { booking } = await giveTickets(t, [{ mobile_number: stranger.local }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    const done = await signUpWithToken(t, stranger.local, undefined);
    expect(done.statusCode).toBe(201);
    const mine = (await t.call("GET", "/api/v1/users/tickets/", undefined, done.json().access)).json();
    expect(mine.owned.map((x: { id: string }) => x.id)).toEqual([booking.tickets[0]?.id]);
    expect((await validate(t, token)).json().error.code).toBe("TOKEN_USED");
  });

  it("gives an existing customer a ticket that waited for their number when they log in by OTP", async ({ t }) => {
    const stranger = uniqueMobile();
    const { booking } = await giveTickets(t, [{ mobile_number: stranger.local }]);
    const token = await claimTokenSentTo(t, stranger.e164);
    // The number got an account some other way between the purchase and now, without claiming.
    const customer = await insertCustomer(t, { mobile: stranger.e164 });
    const before = (await t.call("GET", "/api/v1/users/tickets/", undefined, customer.access)).json();
    expect(before.owned).toHaveLength(0);
    await t.database.db
      .update(customers)
      .set({ passwordHash: await hashPassword("a strong password") })
      .where(eq(customers.id, customer.customer.id));
    await t.call("POST", "/api/v1/users/login/", { mobile_number: stranger.local, password: "a strong password" });
    const otp = await t.latestOtp(stranger.e164);
    const login = await t.call("POST", "/api/v1/users/verify-login-otp/", {
      mobile_number: stranger.local,
      otp_code: otp,
    });
    expect(login.statusCode).toBe(200);
    const after = (await t.call("GET", "/api/v1/users/tickets/", undefined, login.json().access)).json();
    expect(after.owned.map((x: { id: string }) => x.id)).toEqual([booking.tickets[0]?.id]);
    expect((await validate(t, token)).json().error.code).toBe("TOKEN_USED");
  });
});

describe("the buyer's view and resend", () => {
  it("shows claim and delivery status, and resending revokes the old link (3 per day, then 429)", async ({ t }) => {
    const stranger = uniqueMobile();
    const { buyer, booking } = await giveTickets(t, [
      { name: "Nour", mobile_number: stranger.local, email: "nour@example.com" },
    ]);
    const ticketId = booking.tickets[0]?.id ?? "";
    const first = (await t.call("GET", "/api/v1/users/tickets/", undefined, buyer.access)).json().sent[0];
    expect(first).toMatchObject({ claim_status: "pending", delivery: { sms: "sent", email: "sent" } });
    const oldToken = await claimTokenSentTo(t, stranger.e164);

    t.clock.advance(60_000);
    expect((await resendClaim(t, ticketId, buyer.access)).statusCode).toBe(202);
    const queued = (await t.call("GET", "/api/v1/users/tickets/", undefined, buyer.access)).json().sent[0];
    expect(queued.delivery).toEqual({ sms: "queued", email: "queued" });
    await t.deliverAll();
    const newToken = await claimTokenSentTo(t, stranger.e164);
    expect(newToken).not.toBe(oldToken);
    expect((await validate(t, oldToken)).json().error.code).toBe("TOKEN_USED");
    expect((await validate(t, newToken)).statusCode).toBe(200);

    for (let i = 0; i < 2; i++) {
      expect((await resendClaim(t, ticketId, buyer.access)).statusCode).toBe(202);
    }
    const limited = await resendClaim(t, ticketId, buyer.access);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe("RESEND_LIMIT");
    t.clock.advance(DAY + 1_000);
    const fresh = (await startSession(t.runtime.deps, t.database.db, buyer.customer)).access;
    expect((await resendClaim(t, ticketId, fresh)).statusCode).toBe(202);
  });

  it("lets only the buyer resend, and only while the ticket waits", async ({ t }) => {
    const friend = await insertCustomer(t);
    const stranger = uniqueMobile();
    const { buyer, booking } = await giveTickets(t, [
      { mobile_number: friend.e164 },
      { mobile_number: stranger.local },
    ]);
    const [claimedTicket, waitingTicket] = booking.tickets;
    const claimed = await resendClaim(t, claimedTicket?.id, buyer.access);
    expect(claimed.statusCode).toBe(409);
    const notMine = await resendClaim(t, waitingTicket?.id, friend.access);
    expect(notMine.statusCode).toBe(404);
    expect(
      await countRows(t.database.db, ticketRegistrationTokens, eq(ticketRegistrationTokens.phoneNumber, stranger.e164)),
    ).toBe(1);
  });
});
