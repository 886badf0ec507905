import type {
  AdminCategory,
  AdminCategoryCreate,
  AdminCategoryUpdate,
  AdminEvent,
  AdminEventCreate,
  AdminEventUpdate,
} from "@ticketrunners/shared";
import { asc, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { DbOrTx, Tx } from "../db/client";
import { events, ticketCategories, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { recordAudit } from "../shared/audit";
import { categoriesOfEvents } from "./event-categories";

type EventRow = typeof events.$inferSelect;
type CategoryRow = typeof ticketCategories.$inferSelect;
type AdminDeps = Pick<Deps, "db" | "clock">;

const eventNotFound = () => new AppError("EVENT_NOT_FOUND", 404, "This event does not exist.");
const categoryNotFound = () => new AppError("CATEGORY_NOT_FOUND", 404, "This ticket category does not exist.");
const inThePast = () => new AppError("EVENT_IN_PAST", 400, "An event must start in the future.");

/**
 * Each category with its seats: `sold` counts tickets issued, `held` the seats open checkouts hold (the
 * category's taken seats are both together, and never exceed its capacity).
 */
async function withSeats(db: DbOrTx, categories: CategoryRow[]): Promise<AdminCategory[]> {
  if (categories.length === 0) return [];
  const issued = await db
    .select({ categoryId: tickets.categoryId, n: sql<number | string>`count(*)` })
    .from(tickets)
    .where(
      inArray(
        tickets.categoryId,
        categories.map((c) => c.id),
      ),
    )
    .groupBy(tickets.categoryId);
  const issuedOf = new Map(issued.map((r) => [r.categoryId, Number(r.n)]));
  return categories.map((c) => {
    const sold = issuedOf.get(c.id) ?? 0;
    return {
      id: c.id,
      event_id: c.eventId,
      name: c.name,
      price_minor: c.priceMinor,
      currency: c.currency,
      capacity: c.capacity,
      sold,
      held: Math.max(0, c.sold - sold),
      remaining: c.capacity - c.sold,
    };
  });
}

/** The fields an operator edits: what the audit log records of an event, and most of its admin view. */
const auditedEvent = (e: EventRow) => ({
  name: e.name,
  venue: e.venue,
  description: e.description,
  starts_at: e.startsAt.toISOString(),
  timezone: e.timezone,
  status: e.status,
  transfers_allowed: e.transfersAllowed,
  transfer_cutoff_minutes: e.transferCutoffMinutes,
});

const toAdminEvent = (e: EventRow, categories: AdminCategory[]): AdminEvent => ({
  id: e.id,
  ...auditedEvent(e),
  created_at: e.createdAt.toISOString(),
  categories: categories.filter((c) => c.event_id === e.id),
});

/** Every event in any status, soonest first, with its categories' seats. */
export async function listAdminEvents(deps: Pick<Deps, "db">): Promise<{ events: AdminEvent[] }> {
  const rows = await deps.db.select().from(events).orderBy(asc(events.startsAt));
  if (rows.length === 0) return { events: [] };
  const categories = await categoriesOfEvents(
    deps.db,
    rows.map((e) => e.id),
  );
  const seats = await withSeats(deps.db, categories);
  return { events: rows.map((e) => toAdminEvent(e, seats)) };
}

export async function getAdminEvent(deps: Pick<Deps, "db">, id: string, db: DbOrTx = deps.db): Promise<AdminEvent> {
  const [event] = await db.select().from(events).where(eq(events.id, id));
  if (!event) throw eventNotFound();
  return toAdminEvent(event, await withSeats(db, await categoriesOfEvents(db, [id])));
}

async function lockEvent(tx: Tx, id: string): Promise<EventRow> {
  const [event] = await tx.select().from(events).where(eq(events.id, id)).for("update");
  if (!event) throw eventNotFound();
  return event;
}

/** POST /admin/events/: a new event, a draft until it is published. */
export async function createAdminEvent(deps: AdminDeps, actor: { id: string }, input: AdminEventCreate) {
  const now = deps.clock.now();
  const startsAt = new Date(input.starts_at);
  if (startsAt <= now) throw inThePast();
  return inTransaction(deps, async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        name: input.name,
        venue: input.venue,
        description: input.description ?? "",
        startsAt,
        timezone: input.timezone,
        transfersAllowed: input.transfers_allowed ?? true,
        transferCutoffMinutes: input.transfer_cutoff_minutes ?? 0,
        status: "draft",
        createdAt: now,
      })
      .returning();
    if (!event) throw new Error("event insert returned nothing");
    await recordAudit(tx, now, {
      actorId: actor.id,
      action: "event.created",
      targetType: "event",
      targetId: event.id,
      after: auditedEvent(event),
    });
    return getAdminEvent(deps, event.id, tx);
  });
}

/** PATCH /admin/events/{id}/ (and publish, unpublish): one audited change of an event. */
async function changeEvent(
  deps: AdminDeps,
  actor: { id: string },
  id: string,
  action: string,
  change: (event: EventRow) => PgUpdateSetSource<typeof events>,
) {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const before = await lockEvent(tx, id);
    const [after] = await tx.update(events).set(change(before)).where(eq(events.id, id)).returning();
    if (!after) throw eventNotFound();
    await recordAudit(tx, now, {
      actorId: actor.id,
      action,
      targetType: "event",
      targetId: id,
      before: auditedEvent(before),
      after: auditedEvent(after),
    });
    return getAdminEvent(deps, id, tx);
  });
}

export function updateAdminEvent(deps: AdminDeps, actor: { id: string }, id: string, patch: AdminEventUpdate) {
  if (patch.starts_at !== undefined && new Date(patch.starts_at) <= deps.clock.now()) throw inThePast();
  // Drizzle leaves the fields a patch does not name (undefined) out of the update.
  return changeEvent(deps, actor, id, "event.updated", () => ({
    name: patch.name,
    venue: patch.venue,
    description: patch.description,
    startsAt: patch.starts_at === undefined ? undefined : new Date(patch.starts_at),
    timezone: patch.timezone,
    transfersAllowed: patch.transfers_allowed,
    transferCutoffMinutes: patch.transfer_cutoff_minutes,
  }));
}

/** Publishing puts an event on sale and on the public list; unpublishing stops new sales (tickets stay valid). */
export const publishAdminEvent = (deps: AdminDeps, actor: { id: string }, id: string) =>
  changeEvent(deps, actor, id, "event.published", () => ({ status: "published" }));

export const unpublishAdminEvent = (deps: AdminDeps, actor: { id: string }, id: string) =>
  changeEvent(deps, actor, id, "event.unpublished", () => ({ status: "draft" }));

const auditedCategory = (c: CategoryRow) => ({
  name: c.name,
  price_minor: c.priceMinor,
  currency: c.currency,
  capacity: c.capacity,
});

/** POST /admin/events/{id}/categories/ */
export async function createCategory(
  deps: AdminDeps,
  actor: { id: string },
  eventId: string,
  input: AdminCategoryCreate,
): Promise<AdminCategory> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    await lockEvent(tx, eventId);
    const [category] = await tx
      .insert(ticketCategories)
      .values({
        eventId,
        name: input.name,
        priceMinor: input.price_minor,
        currency: input.currency,
        capacity: input.capacity,
      })
      .returning();
    if (!category) throw new Error("category insert returned nothing");
    await recordAudit(tx, now, {
      actorId: actor.id,
      action: "category.created",
      targetType: "category",
      targetId: category.id,
      after: { event_id: eventId, ...auditedCategory(category) },
    });
    const [view] = await withSeats(tx, [category]);
    if (!view) throw new Error("category view missing");
    return view;
  });
}

/**
 * PATCH /admin/categories/{id}/: a new name, price (new purchases only: a purchase keeps the price it was
 * made at) or capacity, never below the seats already taken (sold + held), under the category's lock.
 */
export async function updateCategory(
  deps: AdminDeps,
  actor: { id: string },
  categoryId: string,
  patch: AdminCategoryUpdate,
): Promise<AdminCategory> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const [before] = await tx.select().from(ticketCategories).where(eq(ticketCategories.id, categoryId)).for("update");
    if (!before) throw categoryNotFound();
    if (patch.capacity !== undefined && patch.capacity < before.sold) {
      throw new AppError(
        "CAPACITY_BELOW_SOLD",
        409,
        `${before.sold} seats are already sold or held: the capacity cannot be lower.`,
        { taken: before.sold },
      );
    }
    const [after] = await tx
      .update(ticketCategories)
      .set({ name: patch.name, priceMinor: patch.price_minor, capacity: patch.capacity })
      .where(eq(ticketCategories.id, categoryId))
      .returning();
    if (!after) throw categoryNotFound();
    await recordAudit(tx, now, {
      actorId: actor.id,
      action: "category.updated",
      targetType: "category",
      targetId: categoryId,
      before: auditedCategory(before),
      after: auditedCategory(after),
    });
    const [view] = await withSeats(tx, [after]);
    if (!view) throw new Error("category view missing");
    return view;
  });
}
