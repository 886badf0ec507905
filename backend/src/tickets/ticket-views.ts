import type { TicketView } from "@ticketrunners/shared";
import { asc, eq, inArray, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import { customers, events, ticketCategories, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";

const purchaser = alias(customers, "purchaser");

/** Someone else's ticket looks exactly like one that does not exist. */
export const ticketNotFound = () => new AppError("TICKET_NOT_FOUND", 404, "This ticket does not exist.");

export type TicketViewRow = Awaited<ReturnType<typeof selectTicketRows>>[number];

/** Tickets with their event, category and purchaser, in one query (no per-ticket look-ups). */
export function selectTicketRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      ticket: tickets,
      event: { id: events.id, name: events.name, venue: events.venue, startsAt: events.startsAt },
      category: { id: ticketCategories.id, name: ticketCategories.name },
      purchaserName: purchaser.name,
    })
    .from(tickets)
    .innerJoin(events, eq(events.id, tickets.eventId))
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(purchaser, eq(purchaser.id, tickets.buyerId))
    .where(where)
    .orderBy(asc(events.startsAt), asc(tickets.createdAt), asc(tickets.position));
}

export function toTicketView(row: TicketViewRow, viewerId: string): TicketView {
  const t = row.ticket;
  return {
    id: t.id,
    ticket_number: t.ticketNumber,
    status: t.status,
    event: {
      id: row.event.id,
      name: row.event.name,
      venue: row.event.venue,
      starts_at: row.event.startsAt.toISOString(),
    },
    category: row.category,
    price_minor: t.priceMinor,
    currency: t.currency,
    purchased_at: t.createdAt.toISOString(),
    purchaser_name: t.buyerId === viewerId ? null : row.purchaserName,
    assignee: t.assignedMobile
      ? { name: t.assignedName, mobile_number: t.assignedMobile, email: t.assignedEmail }
      : null,
  };
}

export async function toTicketViews(
  deps: Pick<Deps, "db">,
  viewerId: string,
  rows: { id: string }[],
): Promise<TicketView[]> {
  if (rows.length === 0) return [];
  const loaded = await selectTicketRows(
    deps.db,
    inArray(
      tickets.id,
      rows.map((r) => r.id),
    ),
  );
  return loaded.map((row) => toTicketView(row, viewerId));
}
