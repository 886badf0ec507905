import type { ResolverOptions } from "react-hook-form";
import { describe, expect, it } from "vitest";
import type { EventView } from "../../lib/api/types";
import {
  BOOKING_FORM_ERROR,
  type BookingValues,
  bookingResolver,
  bookingTotal,
  defaultBookingValues,
  isFreePurchase,
  toPurchaseRequest,
} from "./booking-form";

const event: EventView = {
  id: "5d0f6a4e-8f43-4b6e-9d3a-0c6f1f0a9b11",
  name: "Cairo Jazz Night",
  description: "",
  venue: "Cairo Opera House",
  starts_at: "2030-01-01T18:00:00.000Z",
  timezone: "Africa/Cairo",
  categories: [
    {
      id: "0b7c4f3e-1d2a-4c5b-8e9f-a0b1c2d3e4f5",
      name: "Regular",
      price_minor: 35_000,
      currency: "EGP",
      capacity: 300,
      remaining: 300,
    },
    {
      id: "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d",
      name: "VIP",
      price_minor: 90_000,
      currency: "EGP",
      capacity: 40,
      remaining: 2,
    },
  ],
};

function withQuantities(regular: number, vip: number): BookingValues {
  const values = defaultBookingValues(event);
  (values.items[0] as BookingValues["items"][number]).quantity = regular;
  (values.items[1] as BookingValues["items"][number]).quantity = vip;
  return values;
}

const resolve = (values: BookingValues) =>
  bookingResolver(event.id, "EG")(values, undefined, {} as ResolverOptions<BookingValues>);

describe("toPurchaseRequest", () => {
  it("drops categories left at zero and sends no assignees when every ticket is the buyer's", () => {
    const { request, formIndex } = toPurchaseRequest(event.id, withQuantities(0, 2));
    expect(request).toEqual({ event_id: event.id, items: [{ category_id: event.categories[1]?.id, quantity: 2 }] });
    expect(formIndex).toEqual([1]);
  });

  it("sends one assignee per ticket, null for the buyer's own, with blank optional fields left out", () => {
    const values = withQuantities(2, 0);
    values.items[0]?.assignees.splice(1, 1, { for: "other", name: "  ", mobile_number: "01012345678", email: "" });
    const { request } = toPurchaseRequest(event.id, values);
    expect(request.items[0]?.assignees).toEqual([
      null,
      { name: undefined, mobile_number: "01012345678", email: undefined },
    ]);
  });
});

describe("bookingResolver", () => {
  it("outputs the request body the server expects, with numbers in E.164", async () => {
    const values = withQuantities(1, 1);
    values.items[1]?.assignees.splice(0, 1, {
      for: "other",
      name: "Omar",
      mobile_number: "010 1234 5678",
      email: "o@example.com",
    });
    const result = await resolve(values);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({
      event_id: event.id,
      items: [
        { category_id: event.categories[0]?.id, quantity: 1 },
        {
          category_id: event.categories[1]?.id,
          quantity: 1,
          assignees: [{ name: "Omar", mobile_number: "+201012345678", email: "o@example.com" }],
        },
      ],
    });
  });

  it("puts a bad recipient number on that ticket's field, in the form's own row", async () => {
    const values = withQuantities(0, 2);
    values.items[1]?.assignees.splice(1, 1, { for: "other", name: "", mobile_number: "12", email: "not-an-email" });
    const { errors } = await resolve(values);
    expect(errors.items?.[1]?.assignees?.[1]?.mobile_number?.message).toBe("mobile_invalid");
    expect(errors.items?.[1]?.assignees?.[1]?.email?.message).toBe("email_invalid");
    expect(errors.items?.[0]).toBeUndefined();
  });

  it("asks for at least one ticket when none is chosen, above the button", async () => {
    const { errors } = await resolve(withQuantities(0, 0));
    expect(errors.root?.items?.message).toBe("items_required");
    expect(BOOKING_FORM_ERROR).toBe("root.items");
  });

  it("refuses more tickets than one purchase may hold, above the button", async () => {
    const big: EventView = {
      ...event,
      categories: event.categories.map((category) => ({ ...category, remaining: 300 })),
    };
    const values = defaultBookingValues(big);
    for (const item of values.items) item.quantity = 10;
    values.items.push({ ...(values.items[0] as BookingValues["items"][number]), category_id: crypto.randomUUID() });
    const { errors } = await bookingResolver(big.id, "EG")(values, undefined, {} as ResolverOptions<BookingValues>);
    expect(errors.root?.items?.message).toBe("tickets_too_many");
  });
});

/** Community Open Day: a free category beside a priced one. */
const openDay: EventView = {
  ...event,
  id: "7c1e2d3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f",
  name: "Community Open Day",
  categories: [
    { ...(event.categories[0] as EventView["categories"][number]), name: "Free entry", price_minor: 0 },
    event.categories[1] as EventView["categories"][number],
  ],
};

function openDayWith(free: number, vip: number): BookingValues {
  const values = defaultBookingValues(openDay);
  (values.items[0] as BookingValues["items"][number]).quantity = free;
  (values.items[1] as BookingValues["items"][number]).quantity = vip;
  return values;
}

describe("bookingTotal", () => {
  it("adds up the listed prices of the chosen tickets", () => {
    expect(bookingTotal(event, withQuantities(3, 1))).toEqual({ amountMinor: 195_000, tickets: 4, free: false });
  });

  it("is free when every chosen ticket is from a free category, and not when one is priced", () => {
    expect(bookingTotal(openDay, openDayWith(2, 0))).toEqual({ amountMinor: 0, tickets: 2, free: true });
    expect(bookingTotal(openDay, openDayWith(2, 1)).free).toBe(false);
  });

  it("is not free while nothing is chosen", () => {
    expect(bookingTotal(openDay, openDayWith(0, 0)).free).toBe(false);
  });
});

describe("isFreePurchase", () => {
  it("books a purchase of free categories only, and checks out one with any priced category", () => {
    expect(isFreePurchase(openDay, toPurchaseRequest(openDay.id, openDayWith(3, 0)).request)).toBe(true);
    expect(isFreePurchase(openDay, toPurchaseRequest(openDay.id, openDayWith(3, 1)).request)).toBe(false);
    expect(isFreePurchase(event, toPurchaseRequest(event.id, withQuantities(1, 0)).request)).toBe(false);
  });

  it("checks out a category it does not know, leaving the price to the server", () => {
    const request = {
      event_id: openDay.id,
      items: [{ category_id: "9f9f9f9f-0000-4000-8000-000000000000", quantity: 1 }],
    };
    expect(isFreePurchase(openDay, request)).toBe(false);
  });
});
