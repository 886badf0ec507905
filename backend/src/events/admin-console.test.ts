import { randomUUID } from "node:crypto";
import { ATTENDEES_CSV_HEADER } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { customers, notifications, tickets } from "../db/schema";
import { DAY } from "../shared/clock";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  buyTickets,
  createEvent,
  insertCustomer,
  insertOperator,
  purchaseOf,
  startCheckout,
} from "../test-support/factories";
import type { HttpClient } from "../test-support/http-client";
import { uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { watchWrites } from "../test-support/write-detector";
import { csvCell } from "./event-sales";

// The operator console's API, over real HTTP: what an operator does, and what nobody else may.

const ADMIN = "/api/v1/admin";
const inAWeek = (t: TestApp) => new Date(t.clock.now().getTime() + 7 * DAY).toISOString();

async function draftEvent(t: TestApp, http: HttpClient, access: string, over: Record<string, unknown> = {}) {
  const res = await http.post(
    `${ADMIN}/events/`,
    { name: "Console Concert", venue: "Console Hall", starts_at: inAWeek(t), timezone: "Africa/Cairo", ...over },
    access,
  );
  expect(res.status).toBe(201);
  return res.body as { id: string; status: string };
}

async function category(http: HttpClient, access: string, eventId: string, over: Record<string, unknown> = {}) {
  const res = await http.post(
    `${ADMIN}/events/${eventId}/categories/`,
    { name: "Standard", price_minor: 25_000, currency: "EGP", capacity: 10, ...over },
    access,
  );
  expect(res.status).toBe(201);
  return res.body as { id: string };
}

describe("events in the console", () => {
  it("creates a draft nobody else sees, publishes it, and unpublishing stops sales but keeps tickets", async ({
    t,
    http,
  }) => {
    const admin = await insertOperator(t);
    const event = await draftEvent(t, http, admin.access, { description: "Live", transfer_cutoff_minutes: 60 });
    expect(event).toMatchObject({ status: "draft", transfers_allowed: true, transfer_cutoff_minutes: 60 });
    const free = await category(http, admin.access, event.id, { name: "Free", price_minor: 0 });
    await category(http, admin.access, event.id, { name: "VIP", price_minor: 90_000 });

    expect((await http.get(`/api/v1/public/events/${event.id}/`)).status).toBe(404);
    expect((await http.get("/api/v1/public/events/")).body.map((e: { id: string }) => e.id)).not.toContain(event.id);
    const buyer = await insertCustomer(t);
    const early = await http.post(
      "/api/v1/tickets/book/",
      { event_id: event.id, items: [{ category_id: free.id, quantity: 1 }] },
      buyer.access,
    );
    expect(early.status).toBe(404);

    expect((await http.post(`${ADMIN}/events/${event.id}/publish/`, undefined, admin.access)).body.status).toBe(
      "published",
    );
    const listed = await http.get(`/api/v1/public/events/${event.id}/`);
    expect(listed.body.categories.map((c: { name: string }) => c.name)).toEqual(["Free", "VIP"]);
    const booked = await bookFreeTickets(t, buyer.access, {
      event_id: event.id,
      items: [{ category_id: free.id, quantity: 1 }],
    });

    expect((await http.post(`${ADMIN}/events/${event.id}/unpublish/`, undefined, admin.access)).body.status).toBe(
      "draft",
    );
    expect((await http.get(`/api/v1/public/events/${event.id}/`)).status).toBe(404);
    const mine = await http.get(`/api/v1/users/tickets/${booked.tickets[0]?.id}/`, buyer.access);
    expect(mine.body).toMatchObject({ status: "valid" });
    expect(mine.body.door_code).toMatch(/^[\w-]{114}$/);

    const all = await http.get(`${ADMIN}/events/`, admin.access);
    expect(all.body.events.find((e: { id: string }) => e.id === event.id)).toMatchObject({
      status: "draft",
      categories: [
        { name: "Free", sold: 1, held: 0, remaining: 9 },
        { name: "VIP", sold: 0, remaining: 10 },
      ],
    });
  });

  it("refuses bad events and categories with 4xx and writes nothing", async ({ t, http }) => {
    const admin = await insertOperator(t);
    const event = await draftEvent(t, http, admin.access);
    const past = new Date(t.clock.now().getTime() - 60_000).toISOString();
    type Case = [name: string, url: string, body: unknown, status: number, code: string];
    // A category that would be accepted, but for `change`.
    const badCategory = (
      name: string,
      change: Record<string, unknown>,
      eventId = event.id,
      status = 400,
      code = "VALIDATION_ERROR",
    ): Case => [
      name,
      `${ADMIN}/events/${eventId}/categories/`,
      { name: "C", price_minor: 1, currency: "EGP", capacity: 1, ...change },
      status,
      code,
    ];
    const cases: Case[] = [
      [
        "a start in the past",
        `${ADMIN}/events/`,
        { name: "X", venue: "Y", starts_at: past, timezone: "Africa/Cairo" },
        400,
        "EVENT_IN_PAST",
      ],
      [
        "an unknown time zone",
        `${ADMIN}/events/`,
        { name: "X", venue: "Y", starts_at: inAWeek(t), timezone: "Mars/Olympus" },
        400,
        "VALIDATION_ERROR",
      ],
      [
        "a cutoff over a week",
        `${ADMIN}/events/`,
        { name: "X", venue: "Y", starts_at: inAWeek(t), timezone: "UTC", transfer_cutoff_minutes: 10_081 },
        400,
        "VALIDATION_ERROR",
      ],
      badCategory("a negative price", { price_minor: -1 }),
      badCategory("an absurd price", { price_minor: 1e12 }),
      badCategory("a fractional price", { price_minor: 10.5 }),
      badCategory("an unknown currency", { currency: "XYZ" }),
      badCategory("another event", {}, randomUUID(), 404, "EVENT_NOT_FOUND"),
    ];
    const writes = await watchWrites(t.database.db);
    for (const [name, url, body, status, code] of cases) {
      const res = await http.post(url, body, admin.access);
      expect({ name, status: res.status, code: res.body.error?.code }).toEqual({ name, status, code });
    }
    const moved = await http.request("PATCH", `${ADMIN}/events/${event.id}/`, {
      body: { starts_at: past },
      token: admin.access,
    });
    expect(moved.body.error.code).toBe("EVENT_IN_PAST");
    expect(await writes.take()).toEqual({});
  });

  it("never lowers a capacity below the seats sold and held, and a new price is for new purchases only", async ({
    t,
    http,
  }) => {
    const admin = await insertOperator(t);
    const event = await draftEvent(t, http, admin.access);
    const vip = await category(http, admin.access, event.id, { capacity: 10, price_minor: 10_000 });
    await http.post(`${ADMIN}/events/${event.id}/publish/`, undefined, admin.access);
    const buyer = await insertCustomer(t);
    const paid = await buyTickets(t, buyer.access, {
      event_id: event.id,
      items: [{ category_id: vip.id, quantity: 3 }],
    });
    await startCheckout(t, (await insertCustomer(t)).access, {
      event_id: event.id,
      items: [{ category_id: vip.id, quantity: 2 }],
    });

    const patch = (body: unknown) =>
      http.request("PATCH", `${ADMIN}/categories/${vip.id}/`, { body, token: admin.access });
    const refused = await patch({ capacity: 4 });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: "CAPACITY_BELOW_SOLD", details: { taken: 5 } });
    expect((await patch({ capacity: 5, price_minor: 20_000 })).body).toMatchObject({ sold: 3, held: 2, remaining: 0 });
    // The tickets already bought keep their price (read again, after the change); the next buyer pays the new one.
    expect(paid.tickets.map((x) => x.priceMinor)).toEqual([10_000, 10_000, 10_000]);
    const afterChange = await t.database.db.select().from(tickets).where(eq(tickets.paymentId, paid.payment_id));
    expect(afterChange.map((x) => x.priceMinor)).toEqual([10_000, 10_000, 10_000]);
    await patch({ capacity: 6 });
    const nextBuyer = await insertCustomer(t);
    const next = await startCheckout(t, nextBuyer.access, purchaseOf({ id: vip.id, eventId: event.id }, 1));
    const status = await http.get(`/api/v1/payments/${next.transaction_id}/status/`, nextBuyer.access);
    expect(status.body).toMatchObject({ amount_minor: 20_000 });
    const sales = await http.get(`${ADMIN}/events/${event.id}/sales/`, admin.access);
    expect(sales.body).toMatchObject({
      currency: "EGP",
      categories: [{ sold: 3, held: 3, remaining: 0, revenue_minor: 30_000 }],
      payments: { paid: 1, pending: 2 },
      tickets: { owned: 3, waiting: 0, checked_in: 0 },
    });
    expect(sales.body.per_day).toEqual([expect.objectContaining({ tickets: 3, revenue_minor: 30_000 })]);
  });

  it("lists attendees and downloads them as CSV a spreadsheet cannot run", async ({ t, http }) => {
    const admin = await insertOperator(t);
    const event = await draftEvent(t, http, admin.access);
    const free = await category(http, admin.access, event.id, { price_minor: 0 });
    await http.post(`${ADMIN}/events/${event.id}/publish/`, undefined, admin.access);
    const buyer = await insertCustomer(t, { name: '=HYPERLINK("x")' });
    const waitingFor = uniqueMobile();
    await bookFreeTickets(t, buyer.access, {
      event_id: event.id,
      items: [
        {
          category_id: free.id,
          quantity: 2,
          assignees: [null, { mobile_number: waitingFor.local, name: "Wait, Then" }],
        },
      ],
    });
    const csv = await http.get(`${ADMIN}/events/${event.id}/attendees.csv`, admin.access);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const lines = String(csv.body).trimEnd().split("\r\n");
    expect(lines[0]).toBe(ATTENDEES_CSV_HEADER.join(","));
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")"`) && l.includes(",owned,"))).toBe(true);
    expect(
      lines.some((l) => l.includes('"Wait, Then"') && l.includes(`"'${waitingFor.e164}"`) && l.includes(",waiting,")),
    ).toBe(true);

    const page = await http.get(`${ADMIN}/events/${event.id}/attendees/?q=wait&limit=10`, admin.access);
    expect(page.body).toMatchObject({ total: 1, attendees: [{ state: "waiting", holder_mobile: waitingFor.e164 }] });
    // Paged in SQL: the second of the two rows (by ticket number), and the count of all of them.
    const all = await http.get(`${ADMIN}/events/${event.id}/attendees/`, admin.access);
    expect(all.body.total).toBe(2);
    const second = await http.get(`${ADMIN}/events/${event.id}/attendees/?limit=1&offset=1`, admin.access);
    expect(second.body).toEqual({ total: 2, attendees: [all.body.attendees[1]] });
    const past = await http.get(`${ADMIN}/events/${event.id}/attendees/?limit=1&offset=5`, admin.access);
    expect(past.body).toEqual({ total: 2, attendees: [] });
  });

  it("quotes CSV cells as RFC 4180 says, and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    for (const start of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    expect(csvCell(null)).toBe("");
  });
});

describe("customers, messages and the audit log", () => {
  it("finds customers by part of a name or any spelling of a number, and bans and gives roles", async ({ t, http }) => {
    const admin = await insertOperator(t);
    const number = uniqueMobile();
    const target = await insertCustomer(t, { name: "Yasmine Console", mobile: number.e164 });
    for (const q of ["yasmine con", number.local, number.international]) {
      const found = await http.get(`${ADMIN}/customers/?q=${encodeURIComponent(q)}`, admin.access);
      expect(found.body.customers.map((c: { id: string }) => c.id)).toContain(target.customer.id);
      // A search, not a list of everyone: the operator matches none of these.
      expect(found.body.customers.map((c: { id: string }) => c.id)).not.toContain(admin.customer.id);
    }
    expect(
      (await http.get(`${ADMIN}/customers/?q=%25`, admin.access)).body.customers.map((c: { name: string }) => c.name),
    ).not.toContain("Yasmine Console");

    const banned = await http.post(`${ADMIN}/customers/${target.customer.id}/ban/`, undefined, admin.access);
    expect(banned.body).toMatchObject({ status: "banned" });
    expect((await http.get("/api/v1/users/me/", target.access)).status).toBe(403);
    expect((await http.post("/api/v1/users/refresh-token/", { refresh: target.refresh })).status).toBe(401);
    await http.post(`${ADMIN}/customers/${target.customer.id}/unban/`, undefined, admin.access);
    const role = await http.post(`${ADMIN}/customers/${target.customer.id}/role/`, { role: "staff" }, admin.access);
    expect(role.body).toMatchObject({ role: "staff", status: "active" });
    expect((await http.get("/api/v1/users/me/", target.access)).body.role).toBe("staff");

    const writes = await watchWrites(t.database.db);
    expect(
      (await http.post(`${ADMIN}/customers/${admin.customer.id}/ban/`, undefined, admin.access)).body.error.code,
    ).toBe("CANNOT_CHANGE_OWN_ACCOUNT");
    expect(
      (await http.post(`${ADMIN}/customers/${target.customer.id}/role/`, { role: "owner" }, admin.access)).status,
    ).toBe(400);
    expect((await http.post(`${ADMIN}/customers/${randomUUID()}/ban/`, undefined, admin.access)).status).toBe(404);
    expect(await writes.take()).toEqual({});

    const audit = await http.get(`${ADMIN}/audit/?limit=3`, admin.access);
    expect(audit.body.map((e: { action: string }) => e.action)).toEqual([
      "customer.role_changed",
      "customer.unbanned",
      "customer.banned",
    ]);
    expect(audit.body[0]).toMatchObject({
      actor_id: admin.customer.id,
      target_type: "customer",
      target_id: target.customer.id,
      before: { role: "customer" },
      after: { role: "staff" },
    });
  });

  it("filters the ledger by recipient in any spelling, and retries a dead message", async ({ t, http }) => {
    const admin = await insertOperator(t);
    const buyer = await insertCustomer(t, { email: "ledger@example.com" });
    const friend = uniqueMobile();
    const { category: cat } = await createEvent(t);
    const booked = await bookFreeTickets(t, buyer.access, purchaseOf(cat, [{ mobile_number: friend.local }]));
    const spellings: [typed: string, stored: string][] = [
      [friend.local, friend.e164],
      [friend.international, friend.e164],
      ["LEDGER@example.com", "ledger@example.com"],
    ];
    for (const [recipient, stored] of spellings) {
      const res = await http.get(`${ADMIN}/notifications/?recipient=${encodeURIComponent(recipient)}`, admin.access);
      const found = res.body.notifications.map((n: { recipient: string }) => n.recipient);
      expect(found.length).toBeGreaterThan(0);
      // Only that recipient's messages: the filter filters.
      expect(found).toEqual(found.map(() => stored));
    }
    // What is typed is an address, not a LIKE pattern: no wildcard lists someone else's messages.
    for (const pattern of ["%", "_edger@example.com", "%@example.com"]) {
      const res = await http.get(`${ADMIN}/notifications/?recipient=${encodeURIComponent(pattern)}`, admin.access);
      expect({ pattern, found: res.body.notifications.length }).toEqual({ pattern, found: 0 });
    }
    const byPayment = await http.get(
      `${ADMIN}/notifications/?payment_id=${booked.payment_id}&channel=sms`,
      admin.access,
    );
    expect(byPayment.body.notifications.map((n: { recipient: string }) => n.recipient)).toEqual([friend.e164]);

    const [mail] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.recipient, "ledger@example.com"));
    await t.database.db
      .update(notifications)
      .set({ status: "dead", lastError: "SMTP 550" })
      .where(eq(notifications.id, mail?.id ?? ""));
    const retried = await http.post(`${ADMIN}/notifications/${mail?.id}/retry/`, undefined, admin.access);
    expect(retried.status).toBe(202);
    // Back in the queue with fresh attempts, and this time it goes out.
    const [requeued] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, mail?.id ?? ""));
    expect(requeued).toMatchObject({ status: "queued", attempts: 0 });
    await t.deliverAll();
    const [sent] = await t.database.db
      .select()
      .from(notifications)
      .where(eq(notifications.id, mail?.id ?? ""));
    expect(sent?.status).toBe("sent");
    expect(await t.inbox("ledger@example.com")).toHaveLength(1);
    const audit = await http.get(`${ADMIN}/audit/?limit=1`, admin.access);
    expect(audit.body[0]).toMatchObject({
      action: "notification.retried",
      target_id: mail?.id,
      before: { last_error: "SMTP 550" },
    });
  });

  it("answers 403 to a signed-in non-admin on every admin route, 401 to nobody, and changes nothing", async ({
    t,
    http,
  }) => {
    const customer = await insertCustomer(t);
    const staff = await insertCustomer(t);
    await t.database.db.update(customers).set({ role: "staff" }).where(eq(customers.id, staff.customer.id));
    const id = randomUUID();
    const routes: [string, string][] = [
      ["GET", `${ADMIN}/events/`],
      ["POST", `${ADMIN}/events/`],
      ["GET", `${ADMIN}/events/${id}/`],
      ["PATCH", `${ADMIN}/events/${id}/`],
      ["POST", `${ADMIN}/events/${id}/publish/`],
      ["POST", `${ADMIN}/events/${id}/unpublish/`],
      ["POST", `${ADMIN}/events/${id}/categories/`],
      ["PATCH", `${ADMIN}/categories/${id}/`],
      ["GET", `${ADMIN}/events/${id}/sales/`],
      ["GET", `${ADMIN}/events/${id}/attendees/`],
      ["GET", `${ADMIN}/events/${id}/attendees.csv`],
      ["GET", `${ADMIN}/notifications/`],
      ["POST", `${ADMIN}/notifications/${id}/retry/`],
      ["GET", `${ADMIN}/payments/`],
      ["GET", `${ADMIN}/customers/`],
      ["POST", `${ADMIN}/customers/${id}/ban/`],
      ["POST", `${ADMIN}/customers/${id}/unban/`],
      ["POST", `${ADMIN}/customers/${id}/role/`],
      ["GET", `${ADMIN}/audit/`],
    ];
    const writes = await watchWrites(t.database.db);
    for (const [method, path] of routes) {
      const body = method === "GET" ? undefined : {};
      for (const [who, token, status] of [
        ["customer", customer.access, 403],
        ["staff", staff.access, 403],
        ["nobody", undefined, 401],
      ] as const) {
        const res = await http.request(method, path, { body, token });
        expect({ method, path, who, status: res.status }).toEqual({ method, path, who, status });
      }
    }
    expect(await writes.take()).toEqual({});
  });
});
