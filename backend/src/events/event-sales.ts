import { type AdminAttendeesResponse, type AdminSales, ATTENDEES_CSV_HEADER } from "@ticketrunners/shared";
import { and, asc, count, eq, ilike, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { rowsOf } from "../db/client";
import { customers, events, payments, ticketCategories, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";

const eventNotFound = () => new AppError("EVENT_NOT_FOUND", 404, "This event does not exist.");

async function eventOf(deps: Pick<Deps, "db">, id: string) {
  const [event] = await deps.db.select().from(events).where(eq(events.id, id));
  if (!event) throw eventNotFound();
  return event;
}

/** GET /admin/events/{id}/sales/: seats and revenue per category, payments and tickets by state, sales per day. */
export async function eventSales(deps: Pick<Deps, "db">, eventId: string): Promise<AdminSales> {
  const event = await eventOf(deps, eventId);
  const categories = await deps.db
    .select({
      id: ticketCategories.id,
      name: ticketCategories.name,
      currency: ticketCategories.currency,
      capacity: ticketCategories.capacity,
      taken: ticketCategories.sold,
      // Spelled out: in a one-table query drizzle leaves columns unqualified, and inside the subquery an
      // unqualified "id" would be the ticket's.
      sold: sql<number | string>`(select count(*) from ${tickets} t where t.category_id = "ticket_categories"."id")`,
      revenue: sql<number | string>`(select coalesce(sum(t.price_minor), 0) from ${tickets} t
        where t.category_id = "ticket_categories"."id" and t.status <> 'refunded')`,
    })
    .from(ticketCategories)
    .where(eq(ticketCategories.eventId, eventId))
    .orderBy(asc(ticketCategories.priceMinor), asc(ticketCategories.name));
  const paymentCounts = await deps.db
    .select({ status: payments.status, n: sql<number | string>`count(*)` })
    .from(payments)
    .where(eq(payments.eventId, eventId))
    .groupBy(payments.status);
  const [ticketCounts] = await deps.db
    .select({
      owned: sql<
        number | string
      >`count(*) filter (where ${tickets.ownerId} is not null and ${tickets.status} = 'valid')`,
      waiting: sql<number | string>`count(*) filter (where ${tickets.ownerId} is null and ${tickets.status} = 'valid')`,
      checkedIn: sql<number | string>`count(*) filter (where ${tickets.status} = 'used')`,
    })
    .from(tickets)
    .where(eq(tickets.eventId, eventId));
  const perDay = rowsOf<{ date: string; tickets: number | string; revenue: number | string }>(
    await deps.db.execute(sql`
      select to_char(t.created_at at time zone ${event.timezone}, 'YYYY-MM-DD') as date,
             count(*) as tickets, coalesce(sum(t.price_minor), 0) as revenue
      from ${tickets} t where t.event_id = ${eventId}
      group by 1 order by 1`),
  );
  const payment = (status: string) => Number(paymentCounts.find((p) => p.status === status)?.n ?? 0);
  return {
    currency: categories[0]?.currency ?? null,
    categories: categories.map((c) => {
      const sold = Number(c.sold);
      return {
        id: c.id,
        name: c.name,
        sold,
        held: Math.max(0, c.taken - sold),
        remaining: c.capacity - c.taken,
        revenue_minor: Number(c.revenue),
      };
    }),
    payments: {
      pending: payment("pending"),
      paid: payment("paid"),
      failed: payment("failed"),
      expired: payment("expired"),
      cancelled: payment("cancelled"),
    },
    tickets: {
      owned: Number(ticketCounts?.owned ?? 0),
      waiting: Number(ticketCounts?.waiting ?? 0),
      checked_in: Number(ticketCounts?.checkedIn ?? 0),
    },
    per_day: perDay.map((d) => ({ date: d.date, tickets: Number(d.tickets), revenue_minor: Number(d.revenue) })),
  };
}

/**
 * One spreadsheet cell, quoted as RFC 4180 says, and — since a spreadsheet runs a cell that starts with
 * `=`, `+`, `-`, `@`, a tab or a carriage return as a formula — such a cell starts with `'` instead.
 */
export function csvCell(value: string | null | undefined): string {
  const text = value ?? "";
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== text ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const holder = alias(customers, "holder");

/** An event's tickets, or those whose ticket number, holder or assignee name or number contains `q`. */
function attendeesWhere(eventId: string, q: string | undefined) {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    eq(tickets.eventId, eventId),
    like
      ? or(
          ilike(tickets.ticketNumber, like),
          ilike(holder.name, like),
          ilike(holder.mobileNumber, like),
          ilike(tickets.assignedName, like),
          ilike(tickets.assignedMobile, like),
        )
      : undefined,
  );
}

/**
 * An event's tickets with whoever holds them, or the name and number they wait for, by category then ticket
 * number; a page of them when `page` is given.
 */
async function attendeeRows(
  deps: Pick<Deps, "db">,
  eventId: string,
  query: { q?: string } = {},
  page?: { limit: number; offset: number },
) {
  const ordered = deps.db
    .select({
      ticket: tickets,
      category: ticketCategories.name,
      holderName: holder.name,
      holderMobile: holder.mobileNumber,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .leftJoin(holder, eq(holder.id, tickets.ownerId))
    .where(attendeesWhere(eventId, query.q?.trim()))
    .orderBy(asc(ticketCategories.name), asc(tickets.ticketNumber));
  const rows = await (page ? ordered.limit(page.limit).offset(page.offset) : ordered);
  return rows.map(({ ticket, category, holderName, holderMobile }) => {
    const waiting = ticket.ownerId === null;
    return {
      ticket_id: ticket.id,
      ticket_number: ticket.ticketNumber,
      category,
      holder_name: waiting ? ticket.assignedName : holderName,
      holder_mobile: waiting ? ticket.assignedMobile : holderMobile,
      state: waiting ? ("waiting" as const) : ("owned" as const),
      checked_in_at: ticket.checkedInAt?.toISOString() ?? null,
    };
  });
}

/** GET /admin/events/{id}/attendees/: a page of the attendees, searched by ticket number, name or number. */
export async function listAttendees(
  deps: Pick<Deps, "db">,
  eventId: string,
  query: { q?: string; limit: number; offset: number },
): Promise<AdminAttendeesResponse> {
  await eventOf(deps, eventId);
  // The page and the count in SQL: a page of 50 reads 50 rows, not the whole event.
  const attendees = await attendeeRows(deps, eventId, query, query);
  const [matching] = await deps.db
    .select({ n: count() })
    .from(tickets)
    .leftJoin(holder, eq(holder.id, tickets.ownerId))
    .where(attendeesWhere(eventId, query.q?.trim()));
  return { attendees, total: matching?.n ?? 0 };
}

/** GET /admin/events/{id}/attendees.csv: every ticket of the event, one row each. */
export async function attendeesCsv(deps: Pick<Deps, "db">, eventId: string): Promise<string> {
  await eventOf(deps, eventId);
  const lines = (await attendeeRows(deps, eventId)).map((a) =>
    ATTENDEES_CSV_HEADER.map((column) => csvCell(a[column])).join(","),
  );
  return `${[ATTENDEES_CSV_HEADER.join(","), ...lines].join("\r\n")}\r\n`;
}
