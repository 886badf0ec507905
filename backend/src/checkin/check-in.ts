import type { CheckinAdmitted, CheckinCounts, CheckinRefusal, CheckinRefused, ErrorCode } from "@ticketrunners/shared";
import { and, eq, isNotNull, ne, sql } from "drizzle-orm";
import { customers, events, ticketCategories, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { readDoorCode } from "../tickets/door-codes";
import { recordHistory } from "../tickets/history";

// Crockford base32 as ticket numbers are written (TR-7K3M-9QXD); typed lowercase or with spaces too.
const TICKET_NUMBER = /^TR[\s-]?([0-9A-HJKMNP-TV-Z]{4})[\s-]?([0-9A-HJKMNP-TV-Z]{4})$/i;

type CheckinOutcome = { status: 200; body: CheckinAdmitted } | { status: 404 | 409; body: CheckinRefused };

const messages: Record<CheckinRefusal, string> = {
  already_used: "This ticket was already used.",
  superseded: "This code was replaced: the ticket changed hands. Ask for the holder's current code.",
  wrong_event: "This ticket is for another event.",
  not_claimed: "This ticket still waits for its recipient to claim it.",
  refunded: "This ticket was refunded.",
  unknown: "This is not one of our tickets.",
};

function refused(result: CheckinRefusal, extra: Omit<CheckinRefused, "result" | "error"> = {}): CheckinOutcome {
  const code = result.toUpperCase() as ErrorCode;
  return {
    status: result === "unknown" ? 404 : 409,
    body: { result, error: { code, message: messages[result] }, ...extra },
  };
}

/**
 * POST /checkin/: admits a ticket at the door, exactly once. A door code's signature is checked before
 * any query (a forged code costs nothing but that); then one conditional UPDATE admits the ticket only if
 * it is for this event, held, valid, and (for a code) of the current holder — so of any number of
 * concurrent scans exactly one wins. Anything else is read back to say why it was refused.
 */
export async function checkIn(
  deps: Pick<Deps, "db" | "clock" | "doorCodes" | "wakeWorker">,
  staff: { id: string },
  input: { event_id: string; code: string },
): Promise<CheckinOutcome> {
  const typed = input.code.trim().match(TICKET_NUMBER);
  const door = typed ? undefined : readDoorCode(deps.doorCodes, input.code.trim());
  if (!typed && !door) return refused("unknown");
  const which = typed
    ? eq(tickets.ticketNumber, `TR-${typed[1]?.toUpperCase()}-${typed[2]?.toUpperCase()}`)
    : eq(tickets.id, door?.ticketId ?? "");
  const now = deps.clock.now();

  return inTransaction(deps, async (tx) => {
    const [admitted] = await tx
      .update(tickets)
      .set({ status: "used", checkedInAt: now, checkedInBy: staff.id })
      .where(
        and(
          which,
          eq(tickets.eventId, input.event_id),
          eq(tickets.status, "valid"),
          isNotNull(tickets.ownerId),
          door ? eq(tickets.holderVersion, door.holderVersion) : undefined,
        ),
      )
      .returning();
    if (admitted) {
      await recordHistory(tx, [{ ticketId: admitted.id, action: "checked_in", at: now, actorId: staff.id }]);
      const [details] = await tx
        .select({ category: ticketCategories.name, holder: customers.name })
        .from(ticketCategories)
        .innerJoin(customers, eq(customers.id, admitted.ownerId ?? ""))
        .where(eq(ticketCategories.id, admitted.categoryId));
      return {
        status: 200,
        body: {
          result: "admitted",
          ticket_number: admitted.ticketNumber,
          category: details?.category ?? "",
          holder_name: details?.holder ?? "",
          checked_in_at: now.toISOString(),
        },
      };
    }
    const [ticket] = await tx.select().from(tickets).where(which);
    if (!ticket) return refused("unknown");
    const number = { ticket_number: ticket.ticketNumber };
    if (ticket.eventId !== input.event_id) {
      const [event] = await tx.select({ name: events.name }).from(events).where(eq(events.id, ticket.eventId));
      return refused("wrong_event", { ...number, event_name: event?.name ?? "" });
    }
    if (door && door.holderVersion !== ticket.holderVersion) return refused("superseded", number);
    if (ticket.status === "refunded") return refused("refunded", number);
    if (ticket.status === "used") {
      const [by] = ticket.checkedInBy
        ? await tx.select({ name: customers.name }).from(customers).where(eq(customers.id, ticket.checkedInBy))
        : [];
      return refused("already_used", {
        ...number,
        checked_in_at: ticket.checkedInAt?.toISOString(),
        checked_in_by: by?.name,
      });
    }
    return refused("not_claimed", number);
  });
}

/** GET /checkin/events/{id}/: admitted and total tickets of an event (refunded ones do not count). */
export async function checkinCounts(deps: Pick<Deps, "db">, eventId: string): Promise<CheckinCounts> {
  const [event] = await deps.db.select({ id: events.id }).from(events).where(eq(events.id, eventId));
  if (!event) throw new AppError("EVENT_NOT_FOUND", 404, "This event does not exist.");
  const rows = await deps.db
    .select({
      name: ticketCategories.name,
      admitted: sql<number | string>`count(*) filter (where ${tickets.status} = 'used')`,
      total: sql<number | string>`count(*)`,
    })
    .from(tickets)
    .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
    .where(and(eq(tickets.eventId, eventId), ne(tickets.status, "refunded")))
    .groupBy(ticketCategories.id, ticketCategories.name)
    .orderBy(ticketCategories.name);
  const byCategory = rows.map((r) => ({ name: r.name, admitted: Number(r.admitted), total: Number(r.total) }));
  return {
    admitted: byCategory.reduce((n, c) => n + c.admitted, 0),
    total: byCategory.reduce((n, c) => n + c.total, 0),
    by_category: byCategory,
  };
}
