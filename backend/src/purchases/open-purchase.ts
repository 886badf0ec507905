import type { Locale, PurchaseRequest } from "@ticketrunners/shared";
import type { Tx } from "../db/client";
import { payments } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { checkGiftNumberAllowance } from "../tickets/assignment/gift-numbers";
import { releaseExpiredHolds } from "./holds";
import { type PricedPurchase, pricePurchase } from "./price-purchase";
import { checkFreeTicketAllowance, lockBuyer } from "./purchase-limits";
import { reserveSeats } from "./seats";

type Payment = typeof payments.$inferSelect;

export interface PurchaseTerms {
  provider: Payment["provider"];
  status: "pending" | "paid";
  /** Pending purchases hold their seats until then. */
  expiresAt?: Date;
  /** What this way of buying refuses (a priced booking, a free checkout), before any seat is taken. */
  accept(tx: Tx, priced: PricedPurchase): Promise<void>;
}

export interface Buyer {
  id: string;
  locale: Locale;
  mobileNumber: string;
}

/**
 * The part of every purchase that is the same however it is paid: price it with our prices, check the
 * buyer's limits, take the seats (or fail with SOLD_OUT — after first releasing holds that expired),
 * record the payment. `then` runs in the same transaction.
 */
export async function openPurchase<T>(
  deps: Pick<Deps, "db" | "clock" | "config">,
  buyer: Buyer,
  request: PurchaseRequest,
  terms: PurchaseTerms,
  then: (tx: Tx, payment: Payment) => Promise<T>,
): Promise<T> {
  const attempt = () =>
    inTransaction(deps, async (tx) => {
      await lockBuyer(tx, buyer.id);
      const priced = await pricePurchase(deps, tx, request);
      await terms.accept(tx, priced);
      await checkFreeTicketAllowance(deps, tx, buyer.id, priced);
      await checkGiftNumberAllowance(
        deps,
        tx,
        buyer,
        priced.items.flatMap((i) => i.assignees.flatMap((a) => (a ? [a.mobile_number] : []))),
      );
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
          provider: terms.provider,
          status: terms.status,
          locale: buyer.locale,
          expiresAt: terms.expiresAt,
          paidAt: terms.status === "paid" ? now : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!payment) throw new Error("payment insert returned nothing");
      return then(tx, payment);
    });
  try {
    return await attempt();
  } catch (err) {
    if (!(err instanceof AppError && err.code === "SOLD_OUT")) throw err;
    if ((await releaseExpiredHolds(deps)) === 0) throw err;
    return attempt();
  }
}
