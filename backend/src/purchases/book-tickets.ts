import type { PurchaseRequest } from "@ticketrunners/shared";
import { payments } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { createTicketsFromPayment, type Ticket } from "./create-tickets-from-payment";
import { pricePurchase } from "./price-purchase";
import { reserveSeats } from "./seats";
import { expireStalePayments } from "./settle-payment";

type Buyer = { id: string; locale: "en" | "ar" };

/** Runs `attempt`; if the category is sold out, frees seats held by expired checkouts and tries once more. */
export async function withExpiredHoldsReleased<T>(deps: Deps, attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (err) {
    if (!(err instanceof AppError && err.code === "SOLD_OUT")) throw err;
    if ((await expireStalePayments(deps)) === 0) throw err;
    return attempt();
  }
}

/** The upstream `ticket_book()`: a purchase settled at once (free tickets, pay at the door). */
export async function bookTickets(
  deps: Deps,
  buyer: Buyer,
  request: PurchaseRequest,
): Promise<{ payment_id: string; tickets: Ticket[] }> {
  const result = await withExpiredHoldsReleased(deps, () =>
    deps.db.transaction(async (tx) => {
      const priced = await pricePurchase(deps, tx, request);
      await reserveSeats(tx, priced.items);
      const now = deps.clock.now();
      const [payment] = await tx
        .insert(payments)
        .values({
          buyerId: buyer.id,
          eventId: priced.eventId,
          items: priced.items,
          amountMinor: priced.amountMinor,
          currency: priced.currency,
          provider: "booking",
          status: "paid",
          locale: buyer.locale,
          paidAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!payment) throw new Error("payment insert returned nothing");
      return { payment_id: payment.id, tickets: await createTicketsFromPayment(deps, tx, payment) };
    }),
  );
  deps.wakeWorker();
  return result;
}
