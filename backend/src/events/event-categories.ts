import { asc, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { ticketCategories } from "../db/schema";

/** The categories of some events, cheapest first (then by name), as both the public and the admin lists show them. */
export function categoriesOfEvents(db: DbOrTx, eventIds: string[]) {
  return db
    .select()
    .from(ticketCategories)
    .where(inArray(ticketCategories.eventId, eventIds))
    .orderBy(asc(ticketCategories.priceMinor), asc(ticketCategories.name));
}
