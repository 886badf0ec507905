import type { OpenCheckoutsResponse } from "@ticketrunners/shared";
import type { Deps } from "../deps";
import { openCheckouts, toOpenCheckoutSummary } from "../purchases/purchase-limits";

/** The buyer's unpaid checkouts that still hold seats, with the page to finish paying each. */
export async function listOpenCheckouts(
  deps: Pick<Deps, "db" | "clock" | "payments">,
  buyerId: string,
): Promise<OpenCheckoutsResponse> {
  const open = await openCheckouts(deps, deps.db, buyerId);
  return {
    payments: open.map((checkout) => ({
      ...toOpenCheckoutSummary(deps, checkout),
      status: checkout.payment.status,
      /** Tickets in the order (none is issued before the payment). */
      ticket_count: checkout.payment.items.reduce((n, i) => n + i.quantity, 0),
    })),
  };
}
