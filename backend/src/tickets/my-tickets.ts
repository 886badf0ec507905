import type { MyTicketsResponse, SentTicketView, TicketView } from "@ticketrunners/shared";
import { and, eq, isNotNull, isNull, ne, or, sql } from "drizzle-orm";
import { preparedQuery } from "../db/prepared";
import { tickets } from "../db/schema";
import type { Deps } from "../deps";
import { type Delivery, deliveryStatusByTicket } from "./delivery-status";
import { selectTicketRows, type TicketViewRow, ticketNotFound, toTicketView } from "./ticket-views";

const customerId = sql.placeholder("customerId");
const ownedTickets = preparedQuery((db) =>
  selectTicketRows(db, eq(tickets.ownerId, customerId)).prepare("my_tickets_owned"),
);
const sentTickets = preparedQuery((db) =>
  selectTicketRows(
    db,
    and(
      eq(tickets.buyerId, customerId),
      isNotNull(tickets.assignedMobile),
      or(isNull(tickets.ownerId), ne(tickets.ownerId, customerId)),
    ),
  ).prepare("my_tickets_sent"),
);

/**
 * My Tickets: the tickets the customer holds (their own and those others gave them) and the ones
 * they gave away, each with whether it was claimed and whether its messages were delivered.
 */
export async function listMyTickets(deps: Pick<Deps, "db">, customerId: string): Promise<MyTicketsResponse> {
  const [ownedRows, sentRows] = await Promise.all([
    ownedTickets(deps.db).execute({ customerId }),
    sentTickets(deps.db).execute({ customerId }),
  ]);
  const delivery = await deliveryStatusByTicket(
    deps,
    sentRows.map((r) => r.ticket),
  );
  return {
    owned: ownedRows.map((row) => toTicketView(row, customerId)),
    sent: sentRows.map((row) => toSentTicketView(row, customerId, delivery)),
  };
}

function toSentTicketView(row: TicketViewRow, customerId: string, delivery: Map<string, Delivery>): SentTicketView {
  return {
    ...toTicketView(row, customerId),
    claim_status: row.ticket.ownerId ? "claimed" : "pending",
    claimed_at: row.ticket.claimedAt?.toISOString() ?? null,
    delivery: delivery.get(row.ticket.id) ?? { sms: "none", email: "none" },
  };
}

/** One ticket, visible to whoever holds it and to whoever bought it. */
export async function getMyTicket(
  deps: Pick<Deps, "db">,
  customerId: string,
  ticketId: string,
): Promise<TicketView | SentTicketView> {
  const [row] = await selectTicketRows(
    deps.db,
    and(eq(tickets.id, ticketId), or(eq(tickets.ownerId, customerId), eq(tickets.buyerId, customerId))),
  );
  if (!row) throw ticketNotFound();
  const given = row.ticket.buyerId === customerId && row.ticket.assignedMobile && row.ticket.ownerId !== customerId;
  if (!given) return toTicketView(row, customerId);
  return toSentTicketView(row, customerId, await deliveryStatusByTicket(deps, [row.ticket]));
}
