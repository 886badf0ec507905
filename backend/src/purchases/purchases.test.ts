import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { startSession } from "../accounts/sessions";
import { payments, ticketCategories, tickets } from "../db/schema";
import { MINUTE } from "../shared/clock";
import { appTest as it } from "../test-support/app-test";
import {
  bookFreeTickets,
  buyTickets,
  createEvent,
  insertCustomer,
  purchaseOf,
  startCheckout,
} from "../test-support/factories";
import { uniqueMobile } from "../test-support/phone-numbers";
import { countRows, watchWrites } from "../test-support/write-detector";

describe("booking tickets for other people", () => {
  it("gives each ticket to the buyer, to an existing customer at once, or keeps it waiting for a new number", async ({
    t,
  }) => {
    const buyer = await insertCustomer(t, { name: "Mona Buyer", email: "mona@example.com" });
    const friend = await insertCustomer(t, { name: "Karim Friend" });
    const stranger = uniqueMobile();
    const { category } = await createEvent(t, { priceMinor: 30_000 });

    const booked = await buyTickets(
      t,
      buyer.access,
      purchaseOf(category, [
        null,
        { name: "Karim", mobile_number: friend.e164.replace("+20", "0") },
        { name: "Nour", mobile_number: stranger.local, email: "nour@example.com" },
      ]),
    );
    expect(booked.tickets).toHaveLength(3);
    expect(new Set(booked.tickets.map((x) => x.ticketNumber)).size).toBe(3);
    expect(booked.tickets[0]?.ticketNumber).toMatch(/^TR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

    const buyerView = (await t.call("GET", "/api/v1/users/tickets/", undefined, buyer.access)).json();
    expect(buyerView.owned).toHaveLength(1);
    expect(buyerView.owned[0]).toMatchObject({ purchaser_name: null, event: { name: "Test Concert" } });
    expect(buyerView.sent).toHaveLength(2);
    const byNumber = Object.fromEntries(
      buyerView.sent.map((s: { assignee: { mobile_number: string } }) => [s.assignee.mobile_number, s]),
    );
    expect(byNumber[friend.e164]).toMatchObject({ claim_status: "claimed", assignee: { name: "Karim" } });
    expect(byNumber[stranger.e164]).toMatchObject({
      claim_status: "pending",
      assignee: { name: "Nour", email: "nour@example.com" },
    });

    const friendView = (await t.call("GET", "/api/v1/users/tickets/", undefined, friend.access)).json();
    expect(friendView.owned).toHaveLength(1);
    expect(friendView.owned[0]).toMatchObject({ purchaser_name: "Mona Buyer", price_minor: 30_000 });
    expect(friendView.sent).toHaveLength(0);

    const [waiting] = await t.database.db.select().from(tickets).where(eq(tickets.assignedMobile, stranger.e164));
    expect(waiting?.ownerId).toBeNull();

    const detail = await t.call("GET", `/api/v1/users/tickets/${friendView.owned[0].id}/`, undefined, friend.access);
    expect(detail.json()).toMatchObject({ ticket_number: friendView.owned[0].ticket_number });
    const outsider = await insertCustomer(t);
    const hidden = await t.call("GET", `/api/v1/users/tickets/${friendView.owned[0].id}/`, undefined, outsider.access);
    expect(hidden.statusCode).toBe(404);

    await t.deliverAll();
    const [confirmation] = await t.inbox("mona@example.com");
    expect(confirmation?.subject).toBe("Your tickets for Test Concert");
    expect(confirmation?.text).toContain(booked.tickets[2]?.ticketNumber);
  });

  it("charges the server's price whatever the client sends", async ({ t }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t, { priceMinor: 50_000 });
    const res = await t.call(
      "POST",
      "/api/v1/payments/process/",
      { event_id: event.id, amount: 1, items: [{ category_id: category.id, quantity: 2, price_minor: 1 }] },
      buyer.access,
    );
    expect(res.statusCode).toBe(201);
    const [payment] = await t.database.db.select().from(payments).where(eq(payments.id, res.json().transaction_id));
    expect(payment?.amountMinor).toBe(100_000);
  });

  it("lists upcoming events with what is left in each category", async ({ t }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t, { capacity: 10, name: "Counting Show" });
    await bookFreeTickets(t, buyer.access, purchaseOf(category, 4));
    const list = (await t.call("GET", "/api/v1/public/events/")).json();
    const listed = list.find((e: { id: string }) => e.id === event.id);
    expect(listed.categories[0]).toMatchObject({ capacity: 10, remaining: 6, currency: "EGP" });
    const one = (await t.call("GET", `/api/v1/public/events/${event.id}/`)).json();
    expect(one).toMatchObject({ name: "Counting Show", categories: [{ remaining: 6 }] });
    expect((await t.call("GET", `/api/v1/public/events/${crypto.randomUUID()}/`)).statusCode).toBe(404);
  });
});

describe("capacity", () => {
  it("never sells more seats than a category has, however many buy at once", async ({ t }) => {
    const { event, category } = await createEvent(t, { capacity: 50 });
    const buyers = await Promise.all(Array.from({ length: 200 }, () => insertCustomer(t)));
    const results = await Promise.all(
      buyers.map((b) =>
        t.call(
          "POST",
          "/api/v1/tickets/book/",
          { event_id: event.id, items: [{ category_id: category.id, quantity: 1 }] },
          b.access,
        ),
      ),
    );
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 409)).toHaveLength(150);
    expect(results.find((r) => r.statusCode === 409)?.json().error.code).toBe("SOLD_OUT");
    expect(statuses.filter((s) => s !== 201 && s !== 409)).toEqual([]);
    const [row] = await t.database.db.select().from(ticketCategories).where(eq(ticketCategories.id, category.id));
    expect(row?.sold).toBe(50);
    expect(await countRows(t.database.db, tickets, eq(tickets.categoryId, category.id))).toBe(50);
  }, 120_000);

  it("holds seats for a checkout and gives them back when it expires unpaid", async ({ t }) => {
    const { event, category } = await createEvent(t, { capacity: 2, priceMinor: 10_000 });
    const first = await insertCustomer(t);
    const second = await insertCustomer(t);
    const body = { event_id: event.id, items: [{ category_id: category.id, quantity: 2 }] };
    const checkout = await t.call("POST", "/api/v1/payments/process/", body, first.access);
    expect(checkout.statusCode).toBe(201);
    expect(checkout.json().checkout_url).toContain(`/payments/sandbox/checkout/${checkout.json().transaction_id}`);
    const blocked = await t.call("POST", "/api/v1/payments/process/", body, second.access);
    expect(blocked.statusCode).toBe(409);

    t.clock.advance(16 * MINUTE);
    const latecomer = await insertCustomer(t);
    const later = await t.call("POST", "/api/v1/payments/process/", body, latecomer.access);
    expect(later.statusCode).toBe(201);
    const firstAgain = await startSession(t.runtime.deps, t.database.db, first.customer);
    const status = await t.call(
      "GET",
      `/api/v1/payments/${checkout.json().transaction_id}/status/`,
      undefined,
      firstAgain.access,
    );
    expect(status.json().status).toBe("expired");
  });
});

describe("bad purchase requests", () => {
  it("answers each with a 4xx in the error shape and writes nothing", async ({ t }) => {
    const buyer = await insertCustomer(t);
    const other = await insertCustomer(t);
    const { event, category } = await createEvent(t, { priceMinor: 10_000 });
    const { category: foreign } = await createEvent(t, { priceMinor: 10_000 });
    const checkout = await startCheckout(t, other.access, purchaseOf(category, 1));
    const writes = await watchWrites(t.database.db);

    const item = (over: object) => ({
      event_id: event.id,
      items: [{ category_id: category.id, quantity: 1, ...over }],
    });
    const cases: [string, unknown, number, string][] = [
      [
        "unknown category",
        { event_id: event.id, items: [{ category_id: crypto.randomUUID(), quantity: 1 }] },
        400,
        "UNKNOWN_CATEGORY",
      ],
      [
        "another event's category",
        { event_id: event.id, items: [{ category_id: foreign.id, quantity: 1 }] },
        400,
        "UNKNOWN_CATEGORY",
      ],
      [
        "unknown event",
        { event_id: crypto.randomUUID(), items: [{ category_id: category.id, quantity: 1 }] },
        404,
        "EVENT_NOT_FOUND",
      ],
      ["quantity 0", item({ quantity: 0 }), 400, "VALIDATION_ERROR"],
      ["quantity 10,000", item({ quantity: 10_000 }), 400, "VALIDATION_ERROR"],
      ["fractional quantity", item({ quantity: 1.5 }), 400, "VALIDATION_ERROR"],
      [
        "assignee count ≠ quantity",
        item({ quantity: 2, assignees: [{ mobile_number: "01012345678" }] }),
        400,
        "VALIDATION_ERROR",
      ],
      ["malformed phone", item({ assignees: [{ mobile_number: "12345" }] }), 400, "VALIDATION_ERROR"],
      [
        "bad assignee email",
        item({ assignees: [{ mobile_number: "01012345678", email: "x@" }] }),
        400,
        "VALIDATION_ERROR",
      ],
      ["no items", { event_id: event.id, items: [] }, 400, "VALIDATION_ERROR"],
      [
        "same category twice",
        {
          event_id: event.id,
          items: [
            { category_id: category.id, quantity: 1 },
            { category_id: category.id, quantity: 1 },
          ],
        },
        400,
        "VALIDATION_ERROR",
      ],
      ["a string event id", { event_id: "1 OR 1=1", items: [] }, 400, "VALIDATION_ERROR"],
    ];
    for (const [name, body, status, code] of cases) {
      for (const url of ["/api/v1/tickets/book/", "/api/v1/payments/process/"]) {
        const res = await t.call("POST", url, body, buyer.access);
        expect({ name, url, status: res.statusCode, code: res.json().error?.code }).toEqual({
          name,
          url,
          status,
          code,
        });
      }
    }
    const anonymous = await t.call("POST", "/api/v1/tickets/book/", item({}));
    expect(anonymous.statusCode).toBe(401);

    const id = checkout.transaction_id;
    const peek = await t.call("GET", `/api/v1/payments/${id}/status/`, undefined, buyer.access);
    expect(peek.statusCode).toBe(404);
    const confirm = await t.call("POST", "/api/v1/payments/confirm/", { transaction_id: id }, buyer.access);
    expect(confirm.statusCode).toBe(404);

    expect(await writes.take()).toEqual({});
  });
});
