import { MAX_TICKETS_PER_ITEM, purchaseRequestSchema } from "@ticketrunners/shared";
import { type FieldError, type FieldErrors, type Resolver, set } from "react-hook-form";
import type { EventView, PurchaseRequest } from "../../lib/api/types";
import "../../lib/zod-config";

/** One ticket's row in the form: kept by the buyer, or given to someone by mobile number. */
export interface TicketChoice {
  for: "me" | "other";
  name: string;
  mobile_number: string;
  email: string;
}

/** One row per category, in the event's order; `assignees` always has room for the most tickets. */
export interface BookingValues {
  items: { category_id: string; quantity: number; assignees: TicketChoice[] }[];
}

export const emptyTicketChoice = (): TicketChoice => ({ for: "me", name: "", mobile_number: "", email: "" });

export function defaultBookingValues(event: EventView): BookingValues {
  return {
    items: event.categories.map((category) => ({
      category_id: category.id,
      quantity: 0,
      assignees: Array.from({ length: MAX_TICKETS_PER_ITEM }, emptyTicketChoice),
    })),
  };
}

/** How many of a category one purchase can take: the per-item cap, or what is left. */
export const maxQuantity = (remaining: number) => Math.max(0, Math.min(MAX_TICKETS_PER_ITEM, remaining));

/**
 * The request body the form stands for, and for each of its items the form row it came from.
 * Categories left at 0 are dropped; a purchase where every ticket is the buyer's sends no assignees.
 */
export function toPurchaseRequest(eventId: string, values: BookingValues) {
  const formIndex: number[] = [];
  const items = values.items.flatMap((item, index) => {
    if (!(item.quantity > 0)) return [];
    formIndex.push(index);
    const choices = item.assignees.slice(0, item.quantity);
    const assignees = choices.map((choice) =>
      choice.for === "me"
        ? null
        : {
            // Blank optional boxes mean "not given", not "invalid".
            name: choice.name.trim() || undefined,
            mobile_number: choice.mobile_number,
            email: choice.email.trim() || undefined,
          },
    );
    const anyGiven = assignees.some((a) => a !== null);
    return [{ category_id: item.category_id, quantity: item.quantity, ...(anyGiven ? { assignees } : {}) }];
  });
  return { request: { event_id: eventId, items }, formIndex };
}

/**
 * Form-wide problems (nothing chosen: `items_required`; too many tickets: `tickets_too_many`) live at this
 * path, shown above the button. Like every field error, their message is the shared schema's key.
 */
export const BOOKING_FORM_ERROR = "root.items";

/**
 * Validates the booking form with the exact schema the server applies to the request body
 * (`purchaseRequestSchema`), and puts each problem back on the form field it came from.
 */
export function bookingResolver(eventId: string, region: string): Resolver<BookingValues, unknown, PurchaseRequest> {
  const schema = purchaseRequestSchema(region);
  return async (values) => {
    const { request, formIndex } = toPurchaseRequest(eventId, values);
    const parsed = schema.safeParse(request);
    if (parsed.success) return { values: parsed.data, errors: {} };

    const errors: FieldErrors<BookingValues> = {};
    for (const issue of parsed.error.issues) {
      const [head, itemIndex, ...rest] = issue.path;
      const path =
        head === "items" && typeof itemIndex === "number" && rest.length > 0
          ? ["items", formIndex[itemIndex] ?? itemIndex, ...rest].map(String).join(".")
          : BOOKING_FORM_ERROR;
      const error: FieldError = { type: issue.code, message: issue.message };
      // The first problem with a field is the one to show.
      if (!hasError(errors, path)) set(errors, path, error);
    }
    return { values: {}, errors };
  };
}

function hasError(errors: FieldErrors<BookingValues>, path: string): boolean {
  let node: unknown = errors;
  for (const key of path.split(".")) {
    if (typeof node !== "object" || node === null) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}

/**
 * What the listed prices add up to; display only, as the server prices the order itself. `free` when
 * tickets are chosen and every one of them is from a category priced 0.
 */
export function bookingTotal(
  event: EventView,
  values: BookingValues,
): { amountMinor: number; tickets: number; free: boolean } {
  let amountMinor = 0;
  let tickets = 0;
  let anyPriced = false;
  values.items.forEach((item, index) => {
    const category = event.categories[index];
    const quantity = Number(item.quantity) || 0;
    if (!category || quantity <= 0) return;
    amountMinor += category.price_minor * quantity;
    tickets += quantity;
    if (category.price_minor !== 0) anyPriced = true;
  });
  return { amountMinor, tickets, free: tickets > 0 && !anyPriced };
}

/**
 * Whether a purchase is booked (`tickets/book`, free categories only) rather than paid through a
 * checkout: every category in it is priced 0 as the event was last loaded. The server decides in the
 * end (PAYMENT_REQUIRED, NOTHING_TO_PAY) if a price changed meanwhile.
 */
export function isFreePurchase(event: EventView, request: PurchaseRequest): boolean {
  const prices = new Map(event.categories.map((category) => [category.id, category.price_minor]));
  return request.items.length > 0 && request.items.every((item) => prices.get(item.category_id) === 0);
}
