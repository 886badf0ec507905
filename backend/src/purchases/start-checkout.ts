import type { PurchaseRequest } from "@ticketrunners/shared";
import { payments } from "../db/schema";
import type { Deps } from "../deps";
import type { PaymentProvider } from "../payments/providers/provider";
import { MINUTE } from "../shared/clock";
import { withExpiredHoldsReleased } from "./book-tickets";
import { pricePurchase } from "./price-purchase";
import { reserveSeats } from "./seats";

/** How long seats stay held for a checkout that has not been paid yet. */
export const CHECKOUT_HOLD_MS = 15 * MINUTE;

/** payments/process: holds the seats and sends the buyer to the gateway's hosted payment page. */
export async function startCheckout(
  deps: Deps,
  provider: PaymentProvider,
  buyer: { id: string; locale: "en" | "ar" },
  request: PurchaseRequest,
): Promise<{ transaction_id: string; checkout_url: string; expires_at: string }> {
  const payment = await withExpiredHoldsReleased(deps, () =>
    deps.db.transaction(async (tx) => {
      const priced = await pricePurchase(deps, tx, request);
      await reserveSeats(tx, priced.items);
      const now = deps.clock.now();
      const [row] = await tx
        .insert(payments)
        .values({
          buyerId: buyer.id,
          eventId: priced.eventId,
          items: priced.items,
          amountMinor: priced.amountMinor,
          currency: priced.currency,
          provider: provider.name,
          status: "pending",
          locale: buyer.locale,
          expiresAt: new Date(now.getTime() + CHECKOUT_HOLD_MS),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      if (!row) throw new Error("payment insert returned nothing");
      return row;
    }),
  );
  return {
    transaction_id: payment.id,
    checkout_url: provider.checkoutUrl(payment),
    expires_at: (payment.expiresAt ?? new Date()).toISOString(),
  };
}
