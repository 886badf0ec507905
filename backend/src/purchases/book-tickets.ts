import type { PurchaseRequest } from "@ticketrunners/shared";
import type { Deps } from "../deps";
import { createTicketsFromPayment, type Ticket } from "./create-tickets-from-payment";
import { openPurchase } from "./open-purchase";

/** The upstream `ticket_book()`: a purchase settled at once (free tickets, pay at the door). */
export async function bookTickets(
  deps: Deps,
  buyer: { id: string; locale: "en" | "ar" },
  request: PurchaseRequest,
): Promise<{ payment_id: string; tickets: Ticket[] }> {
  const result = await openPurchase(
    deps,
    buyer,
    request,
    { provider: "booking", status: "paid" },
    async (tx, payment) => ({
      payment_id: payment.id,
      tickets: await createTicketsFromPayment(deps, tx, payment),
    }),
  );
  deps.wakeWorker();
  return result;
}
