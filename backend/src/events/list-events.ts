import type { EventView } from "@ticketrunners/shared";
import { and, asc, eq, gt } from "drizzle-orm";
import { events, type ticketCategories } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { categoriesOfEvents } from "./event-categories";

type EventRow = typeof events.$inferSelect;
type CategoryRow = typeof ticketCategories.$inferSelect;

const toView = (event: EventRow, categories: CategoryRow[]): EventView => ({
  id: event.id,
  name: event.name,
  description: event.description,
  venue: event.venue,
  starts_at: event.startsAt.toISOString(),
  timezone: event.timezone,
  categories: categories
    .filter((c) => c.eventId === event.id)
    .map((c) => ({
      id: c.id,
      name: c.name,
      price_minor: c.priceMinor,
      currency: c.currency,
      capacity: c.capacity,
      remaining: c.capacity - c.sold,
    })),
});

/** Upcoming events, soonest first, with their categories and what is left of each. */
export async function listUpcomingEvents(
  deps: Pick<Deps, "db" | "clock">,
  startingAfter = deps.clock.now(),
): Promise<EventView[]> {
  const rows = await deps.db
    .select()
    .from(events)
    .where(and(eq(events.status, "published"), gt(events.startsAt, startingAfter)))
    .orderBy(asc(events.startsAt))
    .limit(100);
  if (rows.length === 0) return [];
  const categories = await categoriesOfEvents(
    deps.db,
    rows.map((e) => e.id),
  );
  return rows.map((e) => toView(e, categories));
}

export async function getEvent(deps: Pick<Deps, "db">, id: string): Promise<EventView> {
  const event = await deps.db.query.events.findFirst({ where: eq(events.id, id) });
  // A draft (or an unpublished event) is the operators' alone: to the public it does not exist.
  if (event?.status !== "published") throw new AppError("EVENT_NOT_FOUND", 404, "This event does not exist.");
  return toView(event, await categoriesOfEvents(deps.db, [id]));
}
