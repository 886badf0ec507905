import { maskMobileNumber, type TICKET_HISTORY_ACTIONS, type TicketHistoryEntry } from "@ticketrunners/shared";
import { asc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { ticketHistory } from "../db/schema";

export type HistoryAction = (typeof TICKET_HISTORY_ACTIONS)[number];

export interface HistoryEntry {
  ticketId: string;
  action: HistoryAction;
  at: Date;
  actorId?: string | null;
  toMobile?: string | null;
  fromMobile?: string | null;
}

/** Writes what happened to tickets, in the transaction that made it happen. */
export async function recordHistory(tx: Tx, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.insert(ticketHistory).values(entries);
}

/** A ticket's history, oldest first, with every number but the viewer's own masked. */
export async function ticketHistoryFor(
  db: DbOrTx,
  ticketId: string,
  viewerMobile: string,
): Promise<TicketHistoryEntry[]> {
  const rows = await db
    .select()
    .from(ticketHistory)
    .where(eq(ticketHistory.ticketId, ticketId))
    .orderBy(asc(ticketHistory.at), asc(ticketHistory.id));
  const shown = (mobile: string | null) =>
    mobile === null || mobile === viewerMobile ? mobile : maskMobileNumber(mobile);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    action: r.action,
    to: shown(r.toMobile),
    from: shown(r.fromMobile),
  }));
}
