import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { ticketCategories } from "../db/schema";
import { AppError } from "../shared/app-error";

type SeatRequest = { category_id: string; quantity: number };

/**
 * Takes seats from each category or none at all. The conditional update re-checks capacity under
 * the row lock, so concurrent buyers can never push `sold` past `capacity`. Categories are locked in
 * id order so two purchases of the same categories cannot deadlock.
 */
export async function reserveSeats(tx: Tx, items: SeatRequest[]): Promise<void> {
  for (const item of [...items].sort((a, b) => a.category_id.localeCompare(b.category_id))) {
    const [row] = await tx
      .update(ticketCategories)
      .set({ sold: sql`${ticketCategories.sold} + ${item.quantity}` })
      .where(
        and(
          eq(ticketCategories.id, item.category_id),
          sql`${ticketCategories.sold} + ${item.quantity} <= ${ticketCategories.capacity}`,
        ),
      )
      .returning({ id: ticketCategories.id });
    if (!row) {
      throw new AppError("SOLD_OUT", 409, "Not enough tickets are left in this category.", {
        category_id: item.category_id,
      });
    }
  }
}

/** Gives back the seats a payment held (it failed or expired). */
export async function releaseSeats(tx: Tx, items: SeatRequest[]): Promise<void> {
  for (const item of [...items].sort((a, b) => a.category_id.localeCompare(b.category_id))) {
    await tx
      .update(ticketCategories)
      .set({ sold: sql`greatest(${ticketCategories.sold} - ${item.quantity}, 0)` })
      .where(eq(ticketCategories.id, item.category_id));
  }
}
