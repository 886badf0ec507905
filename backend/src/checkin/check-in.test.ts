import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import fc from "fast-check";
import { describe, expect } from "vitest";
import { customers, tickets } from "../db/schema";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  createEvent,
  type InsertedCustomer,
  insertCustomer,
  purchaseOf,
  signUpThroughApi,
} from "../test-support/factories";
import { type HttpClient, serveOverHttp } from "../test-support/http-client";
import { uniqueMobile } from "../test-support/phone-numbers";
import { createTestApp, type TestApp } from "../test-support/test-app";
import { watchWrites } from "../test-support/write-detector";
import { doorCodeKeys, signDoorCode } from "../tickets/door-codes";

// Door staff admit each ticket once, by its signed door code or its typed number; over real HTTP.

async function staffMember(t: TestApp, name = "Door Omar") {
  const staff = await insertCustomer(t, { name });
  await t.database.db.update(customers).set({ role: "staff" }).where(eq(customers.id, staff.customer.id));
  return staff;
}

/** A holder with a free ticket to a new event, and the door code their My Tickets shows. */
async function heldTicket(t: TestApp, http: HttpClient, holder?: InsertedCustomer) {
  const owner = holder ?? (await insertCustomer(t, { name: "Holder Hana" }));
  const { event, category } = await createEvent(t, { name: "Gate Show" });
  const booked = await bookFreeTickets(t, owner.access, purchaseOf(category, 1));
  const ticketId = booked.tickets[0]?.id as string;
  const view = await http.get(`/api/v1/users/tickets/${ticketId}/`, owner.access);
  return {
    owner,
    event,
    category,
    ticketId,
    code: view.body.door_code as string,
    number: view.body.ticket_number as string,
  };
}

const scan = (http: HttpClient, access: string, eventId: string, code: string) =>
  http.post("/api/v1/checkin/", { event_id: eventId, code }, access);

describe("checking in at the door", () => {
  it("admits a held ticket once, then says when and by whom it was used", async ({ t, http }) => {
    const staff = await staffMember(t);
    const { owner, event, ticketId, code } = await heldTicket(t, http);
    const first = await scan(http, staff.access, event.id, code);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ result: "admitted", holder_name: "Holder Hana", category: "Regular" });
    const again = await scan(http, staff.access, event.id, code);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      result: "already_used",
      error: { code: "ALREADY_USED" },
      checked_in_by: "Door Omar",
      checked_in_at: first.body.checked_in_at,
    });
    // Used: it no longer changes hands, and its history says so.
    const view = await http.get(`/api/v1/users/tickets/${ticketId}/`, owner.access);
    expect(view.body).toMatchObject({ status: "used", door_code: null, transfer_open: false });
    expect(view.body.history.at(-1)).toMatchObject({ action: "checked_in" });
    expect((await http.get(`/api/v1/checkin/events/${event.id}/`, staff.access)).body).toEqual({
      admitted: 1,
      total: 1,
      by_category: [{ name: "Regular", admitted: 1, total: 1 }],
    });
  });

  it("admits a typed ticket number, in any case and spacing", async ({ t, http }) => {
    const staff = await staffMember(t);
    const { event, number } = await heldTicket(t, http);
    const typed = number.toLowerCase().replaceAll("-", " ");
    expect((await scan(http, staff.access, event.id, typed)).body.result).toBe("admitted");
  });

  it("refuses a ticket of another event, naming it", async ({ t, http }) => {
    const staff = await staffMember(t);
    const { code } = await heldTicket(t, http);
    const { event: other } = await createEvent(t, { name: "Other Night" });
    const res = await scan(http, staff.access, other.id, code);
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ result: "wrong_event", error: { code: "WRONG_EVENT" }, event_name: "Gate Show" });
  });

  it("refuses the old holder's code after a transfer, and admits the new holder's", async ({ t, http }) => {
    const staff = await staffMember(t);
    const { owner, event, ticketId, code: oldCode } = await heldTicket(t, http);
    const next = await insertCustomer(t, { name: "New Holder" });
    await http.post("/api/v1/users/tickets/transfer-code/", undefined, owner.access);
    const otp = await t.latestOtp(owner.e164);
    const moved = await http.post(
      `/api/v1/users/tickets/${ticketId}/transfer/`,
      { mobile_number: next.e164, otp_code: otp },
      owner.access,
    );
    expect(moved.status).toBe(200);
    // The sender keeps no code; the new holder has a new one.
    expect(moved.body.door_code).toBeNull();
    const newCode = (await http.get(`/api/v1/users/tickets/${ticketId}/`, next.access)).body.door_code;
    expect(newCode).not.toBe(oldCode);
    expect((await scan(http, staff.access, event.id, oldCode)).body).toMatchObject({
      result: "superseded",
      error: { code: "SUPERSEDED" },
    });
    expect((await scan(http, staff.access, event.id, newCode)).body).toMatchObject({
      result: "admitted",
      holder_name: "New Holder",
    });
  });

  it("refuses a typed number whose ticket still waits for its recipient, and a refunded one", async ({ t, http }) => {
    const staff = await staffMember(t);
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t);
    const booked = await bookFreeTickets(
      t,
      buyer.access,
      purchaseOf(category, [{ mobile_number: uniqueMobile().local }, null]),
    );
    const [waiting, mine] = booked.tickets;
    const writes = await watchWrites(t.database.db);
    const notClaimed = await scan(http, staff.access, event.id, waiting?.ticket_number ?? "");
    expect(notClaimed.status).toBe(409);
    expect(notClaimed.body).toMatchObject({ result: "not_claimed", error: { code: "NOT_CLAIMED" } });
    // Refused, not spent: the ticket is still valid and still waits for its recipient.
    expect(await writes.take()).toEqual({});
    const [stillWaiting] = await t.database.db
      .select()
      .from(tickets)
      .where(eq(tickets.id, waiting?.id ?? ""));
    expect(stillWaiting).toMatchObject({ status: "valid", ownerId: null });
    await t.database.db
      .update(tickets)
      .set({ status: "refunded" })
      .where(eq(tickets.id, mine?.id ?? ""));
    await writes.take();
    const refunded = await scan(http, staff.access, event.id, mine?.ticket_number ?? "");
    expect(refunded.status).toBe(409);
    expect(refunded.body).toMatchObject({ result: "refunded", error: { code: "REFUNDED" } });
    expect(await writes.take()).toEqual({});
  });

  it("answers anything that is not one of our codes as unknown (404), writes nothing, and never fails", async ({
    t,
    http,
  }) => {
    const staff = await staffMember(t);
    const { event, ticketId, code } = await heldTicket(t, http);
    const foreignKey = doorCodeKeys(randomBytes(32).toString("base64url"));
    const flip = (c: string, i: number) => c.slice(0, i) + (c[i] === "A" ? "B" : "A") + c.slice(i + 1);
    const bad = [
      code.slice(0, -1),
      code.slice(0, 60),
      `${code}A`,
      flip(code, 5),
      flip(code, 40),
      flip(code, code.length - 2),
      signDoorCode(foreignKey, { id: ticketId, holderVersion: 1 }),
      signDoorCode(t.runtime.deps.doorCodes, { id: randomUUID(), holderVersion: 1 }),
      "TR-0000-0000",
      "not a code",
      "🎫".repeat(50),
    ];
    const writes = await watchWrites(t.database.db);
    for (const value of bad) {
      const res = await scan(http, staff.access, event.id, value);
      expect({ value, status: res.status, result: res.body.result }).toEqual({ value, status: 404, result: "unknown" });
      expect(res.body.error.code).toBe("UNKNOWN");
    }
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== ""),
        async (value) => {
          const res = await scan(http, staff.access, event.id, value);
          expect(res.status).toBe(404);
        },
      ),
      { numRuns: 200 },
    );
    expect(await writes.take()).toEqual({});
    // The right code still admits after all that.
    expect((await scan(http, staff.access, event.id, code)).body.result).toBe("admitted");
  });

  it("admits exactly one of 50 simultaneous scans of one ticket", async ({ t, http }) => {
    const staff = await Promise.all(Array.from({ length: 5 }, (_, i) => staffMember(t, `Gate ${i}`)));
    const { event, ticketId, code } = await heldTicket(t, http);
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => scan(http, staff[i % 5]?.access ?? "", event.id, code)),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.result)).toEqual(Array(49).fill("already_used"));
    const [row] = await t.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(row?.status).toBe("used");
  });

  it("is for staff and operators only, and counts per event", async ({ t, http }) => {
    const customer = await insertCustomer(t);
    const { event, code } = await heldTicket(t, http);
    expect((await scan(http, customer.access, event.id, code)).status).toBe(403);
    expect((await http.post("/api/v1/checkin/", { event_id: event.id, code })).status).toBe(401);
    expect((await http.get(`/api/v1/checkin/events/${event.id}/`, customer.access)).status).toBe(403);
    const staff = await staffMember(t);
    expect((await http.get(`/api/v1/checkin/events/${randomUUID()}/`, staff.access)).status).toBe(404);
    const listed = await http.get("/api/v1/checkin/events/", staff.access);
    expect(listed.body.map((e: { id: string }) => e.id)).toContain(event.id);
  });

  it("refuses a customer or a stranger before reading the body: no validation answer to probe", async ({ t, http }) => {
    const customer = await insertCustomer(t);
    for (const body of [{}, { event_id: "not-a-uuid", code: "" }, { event_id: randomUUID(), code: "x".repeat(500) }]) {
      expect((await http.post("/api/v1/checkin/", body, customer.access)).status).toBe(403);
      expect((await http.post("/api/v1/checkin/", body)).status).toBe(401);
    }
  });
});

describe("who may check in", () => {
  it("is admin from the first verified sign-up or login for a number in ADMIN_MOBILE_NUMBERS", async () => {
    const operator = uniqueMobile();
    const later = uniqueMobile();
    const app = await createTestApp({ env: { ADMIN_MOBILE_NUMBERS: `${operator.local}, ${later.international}` } });
    try {
      const signedUp = await signUpThroughApi(app, { mobile: operator });
      expect(signedUp.user).toMatchObject({ role: "admin" });
      // A named number whose role was taken away in the database holds it again from its next OTP login.
      const named = await signUpThroughApi(app, { mobile: later });
      await app.database.db.update(customers).set({ role: "customer" }).where(eq(customers.mobileNumber, later.e164));
      app.clock.advance(61_000);
      await app.call("POST", "/api/v1/users/login/", { mobile_number: later.local, password: named.password });
      const otp = await app.latestOtp(later.e164);
      const login = await app.call("POST", "/api/v1/users/verify-login-otp/", {
        mobile_number: later.local,
        otp_code: otp,
      });
      expect(login.json().user).toMatchObject({ role: "admin" });
      const stranger = await signUpThroughApi(app, { mobile: uniqueMobile() });
      expect(stranger.user.role).toBe("customer");
    } finally {
      await app.close();
    }
  });

  it("limits each staff member's scans per minute, not the gate's", async () => {
    const app = await createTestApp({ env: { RATE_LIMIT_SCALE: "0.05" } });
    try {
      const http = await serveOverHttp(app);
      const [first, second] = [await staffMember(app, "First"), await staffMember(app, "Second")];
      const { event } = await createEvent(app);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await scan(http, first.access, event.id, "TR-0000-0000")).status);
      expect(statuses.slice(0, 6).every((s) => s === 404)).toBe(true);
      expect(statuses[6]).toBe(429);
      expect((await scan(http, second.access, event.id, "TR-0000-0000")).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
