import type { DeliveryStatus } from "@ticketrunners/shared";
import { and, desc, eq, inArray, like } from "drizzle-orm";
import { notifications, tickets } from "../db/schema";
import type { Deps } from "../deps";

type TicketRow = typeof tickets.$inferSelect;
export type Delivery = { sms: DeliveryStatus; email: DeliveryStatus };

/**
 * The delivery status of the newest SMS and email about each given ticket's recipient, in one query.
 * A recipient's messages are about all their tickets in that purchase; each message names the first of
 * them, whose assigned number identifies the recipient.
 */
export async function deliveryStatusByTicket(
  deps: Pick<Deps, "db">,
  rows: TicketRow[],
): Promise<Map<string, Delivery>> {
  const result = new Map<string, Delivery>();
  if (rows.length === 0) return result;
  const recipientOf = (paymentId: string | null, phone: string | null) => `${paymentId}|${phone}`;
  const messages = await deps.db
    .select({
      channel: notifications.channel,
      status: notifications.status,
      paymentId: notifications.paymentId,
      phone: tickets.assignedMobile,
    })
    .from(notifications)
    .innerJoin(tickets, eq(tickets.id, notifications.ticketId))
    .where(
      and(
        inArray(notifications.paymentId, [...new Set(rows.map((t) => t.paymentId))]),
        like(notifications.template, "assignment-%"),
      ),
    )
    .orderBy(desc(notifications.createdAt));

  const latest = new Map<string, Partial<Delivery>>();
  for (const m of messages) {
    const key = recipientOf(m.paymentId, m.phone);
    const entry = latest.get(key) ?? {};
    entry[m.channel] ??= m.status;
    latest.set(key, entry);
  }
  for (const t of rows) {
    const entry = latest.get(recipientOf(t.paymentId, t.assignedMobile)) ?? {};
    result.set(t.id, { sms: entry.sms ?? "none", email: entry.email ?? "none" });
  }
  return result;
}
