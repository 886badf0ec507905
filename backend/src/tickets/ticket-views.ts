import type { SentTicketView, TicketView } from "@ticketrunners/shared";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import { customers, events, ticketCategories, ticketGifts, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { transferWindowOpen } from "./assignment/transfer-window";
import type { Delivery } from "./delivery-status";
import { type DoorCodeKeys, signDoorCode } from "./door-codes";

const purchaser = alias(customers, "purchaser");

/** Someone else's ticket looks exactly like one that does not exist. */
export const ticketNotFound = () => new AppError("TICKET_NOT_FOUND", 404, "This ticket does not exist.");

export type TicketViewRow = Awaited<ReturnType<typeof selectTicketRows>>[number];

const eventColumns = {
  id: events.id,
  name: events.name,
  venue: events.venue,
  startsAt: events.startsAt,
  timezone: events.timezone,
  transfersAllowed: events.transfersAllowed,
  transferCutoffMinutes: events.transferCutoffMinutes,
};

/** Who gave the holder their ticket: the sender of the gift they claimed (or held at once). */
const giverName = sql<
  string | null
>`(select giver.name from ${ticketGifts} g join ${customers} giver on giver.id = g.sender_id
  where g.ticket_id = ${tickets.id} and g.holder_id = ${tickets.ownerId} and g.status = 'claimed'
  order by g.claimed_at desc limit 1)`;

/** Tickets with their event, category, purchaser and giver, in one query (no per-ticket look-ups). */
export function selectTicketRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      ticket: tickets,
      event: eventColumns,
      category: { id: ticketCategories.id, name: ticketCategories.name },
      purchaserName: purchaser.name,
      giverName,
    })
    .from(tickets)
    .innerJoin(events, eq(events.id, tickets.eventId))
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .innerJoin(purchaser, eq(purchaser.id, tickets.buyerId))
    .where(where)
    .orderBy(asc(events.startsAt), asc(tickets.createdAt), asc(tickets.position));
}

/** The caller's gifts (waiting or claimed) with their tickets: what the Sent tab lists. */
export function selectGiftRows(db: DbOrTx, where: SQL | undefined) {
  return db
    .select({
      gift: ticketGifts,
      ticket: tickets,
      event: eventColumns,
      category: { id: ticketCategories.id, name: ticketCategories.name },
    })
    .from(ticketGifts)
    .innerJoin(tickets, eq(tickets.id, ticketGifts.ticketId))
    .innerJoin(events, eq(events.id, tickets.eventId))
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(and(inArray(ticketGifts.status, ["waiting", "claimed"]), where))
    .orderBy(asc(events.startsAt), asc(ticketGifts.createdAt), asc(tickets.position));
}
export type GiftViewRow = Awaited<ReturnType<typeof selectGiftRows>>[number];

type ViewBase = Pick<TicketViewRow, "ticket" | "event" | "category">;

function baseView(row: ViewBase, now: Date): Omit<TicketView, "purchaser_name" | "assignee" | "door_code"> {
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
      timezone: row.event.timezone,
    },
    category: row.category,
    price_minor: t.priceMinor,
    currency: t.currency,
    purchased_at: t.createdAt.toISOString(),
    transfer_open: t.status === "valid" && transferWindowOpen(row.event, now),
  };
}

/** A ticket as its holder sees it: the only view with a door code. */
export function toTicketView(row: TicketViewRow, viewerId: string, now: Date, keys: DoorCodeKeys): TicketView {
  const t = row.ticket;
  return {
    ...baseView(row, now),
    door_code: t.ownerId === viewerId && t.status === "valid" ? signDoorCode(keys, t) : null,
    purchaser_name: t.ownerId === viewerId && t.buyerId === viewerId ? null : (row.giverName ?? row.purchaserName),
    assignee: t.assignedMobile
      ? { name: t.assignedName, mobile_number: t.assignedMobile, email: t.assignedEmail }
      : null,
  };
}

/** A ticket as the sender of a gift of it sees it: whom they gave it to, and what became of it. */
export function toSentTicketView(row: GiftViewRow, now: Date, delivery: Map<string, Delivery>): SentTicketView {
  const g = row.gift;
  return {
    ...baseView(row, now),
    // Only the ticket's holder may pass it on; a sender manages a pending gift instead.
    transfer_open: false,
    // Never a door code for the sender of a gift: only the holder may walk in with it.
    door_code: null,
    purchaser_name: null,
    assignee: { name: g.name, mobile_number: g.mobileNumber, email: g.email },
    given_as: g.givenAs,
    given_at: g.createdAt.toISOString(),
    claim_status: g.status === "claimed" ? "claimed" : "pending",
    claimed_at: g.claimedAt?.toISOString() ?? null,
    delivery: delivery.get(g.giftKey) ?? { sms: "none", email: "none" },
  };
}

export async function toTicketViews(
  deps: Pick<Deps, "db" | "clock" | "doorCodes">,
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
  const now = deps.clock.now();
  return loaded.map((row) => toTicketView(row, viewerId, now, deps.doorCodes));
}
