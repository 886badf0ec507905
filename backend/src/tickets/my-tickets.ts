import type { MyTicketResponse, MyTicketsResponse } from "@ticketrunners/shared";
import { and, eq, sql } from "drizzle-orm";
import { preparedQuery } from "../db/prepared";
import { ticketGifts, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { deliveryStatusByGift } from "./delivery-status";
import { ticketHistoryFor } from "./history";
import { selectGiftRows, selectTicketRows, ticketNotFound, toSentTicketView, toTicketView } from "./ticket-views";

const customerId = sql.placeholder("customerId");
const ownedTickets = preparedQuery((db) =>
  selectTicketRows(db, eq(tickets.ownerId, customerId)).prepare("my_tickets_owned"),
);
const sentTickets = preparedQuery((db) =>
  selectGiftRows(db, eq(ticketGifts.senderId, customerId)).prepare("my_tickets_sent"),
);

/**
 * My Tickets: the tickets the customer holds (their own and those others gave them) and the ones
 * they gave — bought for someone or passed on — each with whether it was claimed and delivered.
 */
export async function listMyTickets(
  deps: Pick<Deps, "db" | "clock" | "doorCodes">,
  customerId: string,
): Promise<MyTicketsResponse> {
  const [ownedRows, sentRows] = await Promise.all([
    ownedTickets(deps.db).execute({ customerId }),
    sentTickets(deps.db).execute({ customerId }),
  ]);
  const delivery = await deliveryStatusByGift(
    deps.db,
    sentRows.map((r) => r.gift.giftKey),
  );
  const now = deps.clock.now();
  return {
    owned: ownedRows.map((row) => toTicketView(row, customerId, now, deps.doorCodes)),
    sent: sentRows.map((row) => toSentTicketView(row, now, delivery)),
  };
}

/**
 * One ticket with its history, for whoever holds it (the holder's view) or gave it (the sender's view of
 * their newest gift of it); to anyone else it does not exist.
 */
export async function getMyTicket(
  deps: Pick<Deps, "db" | "clock" | "doorCodes">,
  viewer: { id: string; mobileNumber: string },
  ticketId: string,
): Promise<MyTicketResponse> {
  const now = deps.clock.now();
  const [held] = await selectTicketRows(deps.db, and(eq(tickets.id, ticketId), eq(tickets.ownerId, viewer.id)));
  if (held) {
    return {
      ...toTicketView(held, viewer.id, now, deps.doorCodes),
      history: await ticketHistoryFor(deps.db, ticketId, viewer.mobileNumber),
    };
  }
  const gifts = await selectGiftRows(
    deps.db,
    and(eq(ticketGifts.ticketId, ticketId), eq(ticketGifts.senderId, viewer.id)),
  );
  // The sender's newest gift of it (a ticket passed back and forth was given more than once).
  const given = gifts.at(-1);
  if (!given) throw ticketNotFound();
  const delivery = await deliveryStatusByGift(deps.db, [given.gift.giftKey]);
  return {
    ...toSentTicketView(given, now, delivery),
    history: await ticketHistoryFor(deps.db, ticketId, viewer.mobileNumber),
  };
}
