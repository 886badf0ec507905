import type { PurchaseRequest } from "@ticketrunners/shared";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { createTicketsFromPayment, type Ticket } from "./create-tickets-from-payment";
import { type Buyer, openPurchase } from "./open-purchase";

/**
 * tickets/book: a purchase settled at once, without a payment — so only for free
 * categories. Priced tickets are bought through a checkout.
 */
export async function bookTickets(
  deps: OutboxDeps & Pick<Deps, "db" | "config">,
  buyer: Buyer,
  request: PurchaseRequest,
): Promise<{ payment_id: string; tickets: Ticket[] }> {
  return openPurchase(
    deps,
    buyer,
    request,
    {
      provider: "booking",
      status: "paid",
      async accept(_tx, priced) {
        const priceless = priced.items.every((i) => i.unit_price_minor === 0);
        if (!priceless) {
          throw new AppError("PAYMENT_REQUIRED", 402, "These tickets have a price: buy them through checkout.", {
            category_ids: priced.items.filter((i) => i.unit_price_minor > 0).map((i) => i.category_id),
          });
        }
      },
    },
    async (tx, payment) => ({
      payment_id: payment.id,
      tickets: await createTicketsFromPayment(deps, tx, payment),
    }),
  );
}
