import type { PurchaseRequest } from "@ticketrunners/shared";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/client";
import { events, type PurchaseItem, ticketCategories } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";

export interface PricedPurchase {
  eventId: string;
  items: PurchaseItem[];
  amountMinor: number;
  currency: string;
}

/** Checks what is being bought against the catalogue and prices it with the server's own prices. */
export async function pricePurchase(
  deps: Pick<Deps, "clock">,
  tx: Tx,
  request: PurchaseRequest,
): Promise<PricedPurchase> {
  const event = await tx.query.events.findFirst({ where: eq(events.id, request.event_id) });
  // Unpublishing stops new sales; tickets already sold stay valid.
  if (event?.status !== "published") throw new AppError("EVENT_NOT_FOUND", 404, "This event does not exist.");
  if (event.startsAt <= deps.clock.now()) throw new AppError("EVENT_ENDED", 409, "This event has already started.");

  const ids = request.items.map((i) => i.category_id);
  const categories = await tx
    .select()
    .from(ticketCategories)
    .where(and(eq(ticketCategories.eventId, event.id), inArray(ticketCategories.id, ids)));
  const byId = new Map(categories.map((c) => [c.id, c]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) {
    throw new AppError("UNKNOWN_CATEGORY", 400, "A ticket category does not belong to this event.", {
      category_ids: unknown,
    });
  }
  const currencies = new Set(categories.map((c) => c.currency));
  if (currencies.size > 1)
    throw new AppError("MIXED_CURRENCIES", 400, "Buy categories priced in one currency at a time.");

  const items: PurchaseItem[] = request.items.map((item) => ({
    category_id: item.category_id,
    quantity: item.quantity,
    unit_price_minor: byId.get(item.category_id)?.priceMinor ?? 0,
    assignees: item.assignees ?? Array.from({ length: item.quantity }, () => null),
  }));
  return {
    eventId: event.id,
    items,
    amountMinor: items.reduce((sum, i) => sum + i.unit_price_minor * i.quantity, 0),
    currency: categories[0]?.currency ?? "EGP",
  };
}
