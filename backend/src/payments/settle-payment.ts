import { eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { type PaymentStatus, payments } from "../db/schema";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { createTicketsFromPayment } from "../purchases/create-tickets-from-payment";
import { releaseSeats, reserveSeats } from "../purchases/seats";
import { AppError } from "../shared/app-error";

export type PaymentOutcome = { status: "paid" | "failed"; providerReference?: string };

export interface Settlement {
  paymentId: string;
  status: PaymentStatus;
  /** False when this outcome was already applied (a repeated webhook or redirect). */
  changed: boolean;
}

/**
 * Applies a gateway's verdict to a payment, once. The caller has locked the payment row (`for update`),
 * so a webhook, its copies and the browser's redirect arriving together are applied one after another,
 * and only the first "paid" issues tickets. A payment that is already paid stays paid.
 */
export async function settlePayment(
  deps: OutboxDeps & Pick<Deps, "config" | "logger">,
  tx: Tx,
  payment: typeof payments.$inferSelect,
  outcome: PaymentOutcome,
): Promise<Settlement> {
  const paymentId = payment.id;
  const now = deps.clock.now();
  const unchanged = { paymentId, status: payment.status, changed: false };
  if (payment.status === "paid") return unchanged;

  if (outcome.status === "failed") {
    if (payment.status !== "pending") return unchanged;
    await releaseSeats(tx, payment.items);
    await tx
      .update(payments)
      .set({ status: "failed", failureReason: "declined by the payment provider", updatedAt: now })
      .where(eq(payments.id, paymentId));
    return { paymentId, status: "failed", changed: true };
  }

  if (payment.status !== "pending") {
    // The money arrived after the hold was given up: take the seats again if they are still there.
    try {
      await tx.transaction((savepoint) => reserveSeats(savepoint, payment.items));
    } catch (err) {
      if (!(err instanceof AppError && err.code === "SOLD_OUT")) throw err;
      await tx
        .update(payments)
        .set({ failureReason: "paid after the hold expired and the seats were sold: refund due", updatedAt: now })
        .where(eq(payments.id, paymentId));
      deps.logger.warn({ paymentId }, "payment confirmed after its seats were released and sold; refund due");
      return unchanged;
    }
  }
  const [paid] = await tx
    .update(payments)
    .set({
      status: "paid",
      paidAt: now,
      providerReference: outcome.providerReference ?? payment.providerReference,
      failureReason: null,
      updatedAt: now,
    })
    .where(eq(payments.id, paymentId))
    .returning();
  if (!paid) throw new Error(`payment ${paymentId} vanished while settling`);
  await createTicketsFromPayment(deps, tx, paid);
  return { paymentId, status: "paid", changed: true };
}
