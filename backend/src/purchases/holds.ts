import { and, asc, eq, lt } from "drizzle-orm";
import { payments } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { releaseSeats } from "./seats";

/** Gives back the seats of checkouts nobody paid for in time. Returns how many expired. */
export async function releaseExpiredHolds(deps: Pick<Deps, "db" | "clock">, limit = 100): Promise<number> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const stale = await tx
      .select({ id: payments.id, items: payments.items })
      .from(payments)
      .where(and(eq(payments.status, "pending"), lt(payments.expiresAt, now)))
      .orderBy(asc(payments.expiresAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    for (const payment of stale) {
      await releaseSeats(tx, payment.items);
      await tx
        .update(payments)
        .set({ status: "expired", failureReason: "not paid before the hold expired", updatedAt: now })
        .where(eq(payments.id, payment.id));
    }
    return stale.length;
  });
}
