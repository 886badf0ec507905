import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { startSession } from "../accounts/sessions";
import { tickets } from "../db/schema";
import { DAY } from "../shared/clock";
import { appTest as it } from "../test-support/app-test";
import {
  buyTickets,
  createEvent,
  gatewayReports,
  insertCustomer,
  purchaseOf,
  startCheckout,
} from "../test-support/factories";
import type { HttpClient } from "../test-support/http-client";
import { uniqueMobile } from "../test-support/phone-numbers";
import { countRows, watchWrites } from "../test-support/write-detector";

// A signed-in customer trying to get tickets without paying, hold seats hostage, or text strangers.

const remaining = async (http: HttpClient, eventId: string) =>
  (await http.get(`/api/v1/public/events/${eventId}/`)).body.categories[0].remaining as number;

describe("booking priced tickets without paying", () => {
  it("refuses with 402 and holds, issues and texts nothing", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t, { priceMinor: 90_000, name: "VIP Night" });
    const writes = await watchWrites(t.database.db);
    const assignees = Array.from({ length: 10 }, () => ({ mobile_number: uniqueMobile().local }));
    const res = await http.post(
      "/api/v1/tickets/book/",
      { event_id: event.id, items: [{ category_id: category.id, quantity: 10, assignees }] },
      buyer.access,
    );
    expect(res.status).toBe(402);
    expect(res.body.error.code).toBe("PAYMENT_REQUIRED");
    expect(await writes.take()).toEqual({});
  });

  it("refuses a checkout with nothing to pay: free tickets are booked", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t);
    const writes = await watchWrites(t.database.db);
    const res = await http.post(
      "/api/v1/payments/process/",
      { event_id: event.id, items: [{ category_id: category.id, quantity: 1 }] },
      buyer.access,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("NOTHING_TO_PAY");
    expect(await writes.take()).toEqual({});
  });
});

describe("free tickets", () => {
  it("gives one buyer at most 4 per event, counting open checkouts", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const { event, categories } = await createEvent(t, { prices: [10_000, 0] });
    const [priced, free] = categories;
    const book = (quantity: number) =>
      http.post(
        "/api/v1/tickets/book/",
        { event_id: event.id, items: [{ category_id: free?.id, quantity }] },
        buyer.access,
      );

    expect((await book(3)).status).toBe(201);
    const tooMany = await book(2);
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.error).toMatchObject({ code: "LIMIT_REACHED", details: { limit: 4, remaining: 1 } });
    // A mixed checkout cannot smuggle more free tickets through.
    const mixed = await http.post(
      "/api/v1/payments/process/",
      {
        event_id: event.id,
        items: [
          { category_id: priced?.id, quantity: 1 },
          { category_id: free?.id, quantity: 2 },
        ],
      },
      buyer.access,
    );
    expect(mixed.status).toBe(409);
    expect(mixed.body.error.code).toBe("LIMIT_REACHED");
    expect((await book(1)).status).toBe(201);
    expect((await book(1)).status).toBe(409);

    // Another buyer has their own allowance.
    const other = await insertCustomer(t);
    const theirs = await http.post(
      "/api/v1/tickets/book/",
      { event_id: event.id, items: [{ category_id: free?.id, quantity: 4 }] },
      other.access,
    );
    expect(theirs.status).toBe(201);
    expect(await countRows(t.database.db, tickets, eq(tickets.buyerId, buyer.customer.id))).toBe(4);
  });

  it("holds under concurrency: of 10 simultaneous one-ticket bookings, 4 succeed", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        http.post(
          "/api/v1/tickets/book/",
          { event_id: event.id, items: [{ category_id: category.id, quantity: 1 }] },
          buyer.access,
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(4);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array(6).fill("LIMIT_REACHED"),
    );
    expect(await remaining(http, event.id)).toBe(96);
  });
});

describe("holding seats hostage with unpaid checkouts", () => {
  it("allows 3 open checkouts per buyer; cancelling one releases its seats at once", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const stranger = await insertCustomer(t);
    const { event, category } = await createEvent(t, { capacity: 40, priceMinor: 10_000 });
    const checkout = () =>
      http.post(
        "/api/v1/payments/process/",
        { event_id: event.id, items: [{ category_id: category.id, quantity: 10 }] },
        buyer.access,
      );
    const open = [await checkout(), await checkout(), await checkout()];
    expect(open.map((c) => c.status)).toEqual([201, 201, 201]);
    expect(await remaining(http, event.id)).toBe(10);

    const fourth = await checkout();
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe("TOO_MANY_OPEN_CHECKOUTS");
    expect(fourth.body.error.details.open).toHaveLength(3);
    expect(await remaining(http, event.id)).toBe(10);

    const listed = await http.get("/api/v1/payments/open/", buyer.access);
    expect(listed.body.payments.map((p: { transaction_id: string }) => p.transaction_id).sort()).toEqual(
      open.map((c) => c.body.transaction_id).sort(),
    );
    expect(listed.body.payments[0]).toMatchObject({ status: "pending", ticket_count: 10, event_name: "Test Concert" });
    expect(listed.body.payments[0].checkout_url).toContain("/payments/sandbox/checkout/");
    expect((await http.get("/api/v1/payments/open/", stranger.access)).body.payments).toEqual([]);

    const id = open[0]?.body.transaction_id;
    const foreign = await http.post(`/api/v1/payments/${id}/cancel/`, undefined, stranger.access);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe("PAYMENT_NOT_FOUND");
    expect(await remaining(http, event.id)).toBe(10);

    const cancelled = await http.post(`/api/v1/payments/${id}/cancel/`, undefined, buyer.access);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ transaction_id: id, status: "cancelled" });
    expect(await remaining(http, event.id)).toBe(20);
    const twice = await http.post(`/api/v1/payments/${id}/cancel/`, undefined, buyer.access);
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe("PAYMENT_NOT_PENDING");
    expect(await remaining(http, event.id)).toBe(20);

    expect((await checkout()).status).toBe(201);
  });

  it("closes a cancelled checkout at the sandbox gateway: its Pay button takes no payment", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t, { capacity: 5, priceMinor: 10_000 });
    const id = (await startCheckout(http, buyer.access, purchaseOf(category, 2))).transaction_id;
    await http.post(`/api/v1/payments/${id}/cancel/`, undefined, buyer.access);
    const pay = await fetch(`${http.baseUrl}/payments/sandbox/checkout/${id}/pay`, {
      method: "POST",
      redirect: "manual",
    });
    expect(pay.status).toBe(409);
    expect(await pay.text()).toContain("This payment is cancelled.");
    const status = await http.get(`/api/v1/payments/${id}/status/`, buyer.access);
    expect(status.body).toMatchObject({ status: "cancelled", ticket_count: 0 });
    expect(await remaining(http, event.id)).toBe(5);
  });

  it("still issues the tickets when the gateway reports a payment after the buyer cancelled", async ({ t, http }) => {
    const buyer = await insertCustomer(t);
    const { event, category } = await createEvent(t, { capacity: 5, priceMinor: 10_000 });
    const id = (await startCheckout(http, buyer.access, purchaseOf(category, 2))).transaction_id;
    await http.post(`/api/v1/payments/${id}/cancel/`, undefined, buyer.access);
    expect((await gatewayReports(t, id, { via: http })).status).toBe(200);
    const status = await http.get(`/api/v1/payments/${id}/status/`, buyer.access);
    expect(status.body).toMatchObject({ status: "paid", ticket_count: 2 });
    expect(await remaining(http, event.id)).toBe(3);
  });
});

describe("using our SMS to reach strangers", () => {
  it("lets one buyer reach at most 30 different numbers a day", async ({ t, http }) => {
    const buyer = await insertCustomer(t, { name: "Busy Buyer" });
    const { category } = await createEvent(t, { capacity: 100, priceMinor: 5_000 });
    const numbers = Array.from({ length: 31 }, () => uniqueMobile().local);
    const gift = (to: string[]) =>
      purchaseOf(
        category,
        to.map((n) => ({ mobile_number: n })),
      );
    for (let i = 0; i < 3; i++) await buyTickets(t, buyer.access, gift(numbers.slice(i * 10, i * 10 + 10)));

    const writes = await watchWrites(t.database.db);
    const refused = await http.post("/api/v1/payments/process/", gift([numbers[30] as string]), buyer.access);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "LIMIT_REACHED", details: { limit: 30, remaining: 0 } });
    expect(await writes.take()).toEqual({});
    // The same people again, or the buyer themself, cost no new number.
    const again = await http.post("/api/v1/payments/process/", gift(numbers.slice(0, 2)), buyer.access);
    expect(again.status).toBe(201);

    t.clock.advance(DAY + 60_000);
    const { access } = await startSession(t.runtime.deps, t.database.db, buyer.customer);
    const tomorrow = await http.post("/api/v1/payments/process/", gift([numbers[30] as string]), access);
    expect(tomorrow.status).toBe(201);
  });

  it.for([
    ["a web address", "Your bank: verify at https://evil.example"],
    ["a phone number", "Call 0100 123 4567"],
    ["an email address", "mail@evil.example"],
    ["a bidi override", "Omar\u202Egnp.exe"],
  ])("refuses an assignee name with %s, and writes nothing", async ([, name], { t, http }) => {
    const buyer = await insertCustomer(t);
    const { category } = await createEvent(t);
    const writes = await watchWrites(t.database.db);
    const res = await http.post(
      "/api/v1/tickets/book/",
      purchaseOf(category, [{ name, mobile_number: uniqueMobile().local }]),
      buyer.access,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(await writes.take()).toEqual({});
  });
});
