import type { PaymentStatusView } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { payments } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { releaseSeats } from "../purchases/seats";
import { AppError } from "../shared/app-error";
import { getPaymentStatus, paymentNotFound } from "./confirm-payment";

/**
 * The buyer gives up a checkout before paying: its seats go back on sale at once instead of after the
 * hold. If the gateway still reports a payment later, settling takes the seats again while they last.
 */
export async function cancelCheckout(
  deps: Pick<Deps, "db" | "clock">,
  buyerId: string,
  paymentId: string,
): Promise<PaymentStatusView> {
  await inTransaction(deps, async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, paymentId)).for("update");
    if (!payment || payment.buyerId !== buyerId) throw paymentNotFound();
    if (payment.status !== "pending") {
      throw new AppError(
        "PAYMENT_NOT_PENDING",
        409,
        `This checkout is ${payment.status}; only an open one can be cancelled.`,
      );
    }
    await releaseSeats(tx, payment.items);
    await tx
      .update(payments)
      .set({ status: "cancelled", failureReason: "cancelled by the buyer", updatedAt: deps.clock.now() })
      .where(eq(payments.id, paymentId));
  });
  return getPaymentStatus(deps, buyerId, paymentId);
}
