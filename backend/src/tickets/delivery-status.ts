import type { DeliveryStatus } from "@ticketrunners/shared";
import type { tickets } from "../db/schema";
import type { Deps } from "../deps";

type TicketRow = typeof tickets.$inferSelect;

/**
 * The SMS and email delivery status of each given ticket's assignment messages. Assignment messages
 * arrive with slice 3; until then nothing is sent about a given ticket.
 */
export async function deliveryStatusByTicket(
  _deps: Deps,
  rows: TicketRow[],
): Promise<Map<string, { sms: DeliveryStatus; email: DeliveryStatus }>> {
  return new Map(rows.map((t) => [t.id, { sms: "none", email: "none" }]));
}
