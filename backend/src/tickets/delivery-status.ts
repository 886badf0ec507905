import type { DeliveryStatus } from "@ticketrunners/shared";
import { and, desc, inArray, like } from "drizzle-orm";
import { notifications, type tickets } from "../db/schema";
import type { Deps } from "../deps";

type TicketRow = typeof tickets.$inferSelect;

/**
 * The delivery status of the newest SMS and email about each given ticket's recipient, in one query:
 * a recipient's messages are about all their tickets in that purchase.
 */
export async function deliveryStatusByTicket(
  deps: Deps,
  rows: TicketRow[],
): Promise<Map<string, { sms: DeliveryStatus; email: DeliveryStatus }>> {
  const result = new Map<string, { sms: DeliveryStatus; email: DeliveryStatus }>();
  if (rows.length === 0) return result;
  const recipientOf = (paymentId: string, phone: string | null) => `${paymentId}|${phone}`;
  const ticketRecipient = new Map(rows.map((t) => [t.id, recipientOf(t.paymentId, t.assignedMobile)]));
  const messages = await deps.db
    .select({
      channel: notifications.channel,
      status: notifications.status,
      paymentId: notifications.paymentId,
      ticketId: notifications.ticketId,
      recipient: notifications.recipient,
    })
    .from(notifications)
    .where(
      and(
        inArray(notifications.paymentId, [...new Set(rows.map((t) => t.paymentId))]),
        like(notifications.template, "assignment-%"),
      ),
    )
    .orderBy(desc(notifications.createdAt));

  const latest = new Map<string, { sms?: DeliveryStatus; email?: DeliveryStatus }>();
  for (const m of messages) {
    // SMS rows are addressed to the number itself; email rows are tied to one of the recipient's tickets.
    const key =
      m.channel === "sms" ? recipientOf(m.paymentId ?? "", m.recipient) : m.ticketId && ticketRecipient.get(m.ticketId);
    if (!key) continue;
    const entry = latest.get(key) ?? {};
    if (entry[m.channel] === undefined) entry[m.channel] = m.status;
    latest.set(key, entry);
  }
  for (const t of rows) {
    const entry = latest.get(recipientOf(t.paymentId, t.assignedMobile)) ?? {};
    result.set(t.id, { sms: entry.sms ?? "none", email: entry.email ?? "none" });
  }
  return result;
}
