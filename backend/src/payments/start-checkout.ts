import { CHECKOUT_HOLD_MINUTES, type CheckoutResponse, type PurchaseRequest } from "@ticketrunners/shared";
import type { Deps } from "../deps";
import { type Buyer, openPurchase } from "../purchases/open-purchase";
import { checkOpenCheckoutAllowance } from "../purchases/purchase-limits";
import { AppError } from "../shared/app-error";
import { MINUTE } from "../shared/clock";
import type { PaymentProvider } from "./providers/provider";

/** How long seats stay held for a checkout that has not been paid yet. */
export const CHECKOUT_HOLD_MS = CHECKOUT_HOLD_MINUTES * MINUTE;

/** payments/process: holds the seats and sends the buyer to the gateway's hosted payment page. */
export async function startCheckout(
  deps: Pick<Deps, "db" | "clock" | "config" | "payments">,
  provider: PaymentProvider,
  buyer: Buyer,
  request: PurchaseRequest,
): Promise<CheckoutResponse> {
  const expiresAt = new Date(deps.clock.now().getTime() + CHECKOUT_HOLD_MS);
  const payment = await openPurchase(
    deps,
    buyer,
    request,
    {
      provider: provider.name,
      status: "pending",
      expiresAt,
      async accept(tx, priced) {
        if (priced.amountMinor === 0) {
          throw new AppError("NOTHING_TO_PAY", 400, "These tickets are free: book them instead of paying.");
        }
        await checkOpenCheckoutAllowance(deps, tx, buyer.id);
      },
    },
    async (_tx, row) => row,
  );
  return {
    transaction_id: payment.id,
    checkout_url: provider.checkoutUrl(payment),
    expires_at: expiresAt.toISOString(),
  };
}
