import { MAX_OPEN_CHECKOUTS, type OpenCheckoutSummary } from "@ticketrunners/shared";
import { and, eq, gt, or, sql } from "drizzle-orm";
import type { Db, Tx } from "../db/client";
import { events, payments } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import type { PricedPurchase } from "./price-purchase";

export { MAX_OPEN_CHECKOUTS };

/**
 * Serialises one buyer's purchases, so the limits below are checked against every earlier purchase
 * of theirs, never against a snapshot a concurrent purchase has not written yet.
 */
export async function lockBuyer(tx: Tx, buyerId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`buyer:${buyerId}`}))`);
}

const freeTickets = (items: PricedPurchase["items"]) =>
  items.reduce((n, i) => n + (i.unit_price_minor === 0 ? i.quantity : 0), 0);

/** A purchase still holding or owning seats: paid, or pending and not yet past its hold. */
const holdsSeats = (now: Date) =>
  or(eq(payments.status, "paid"), and(eq(payments.status, "pending"), gt(payments.expiresAt, now)));

/** At most FREE_TICKETS_PER_BUYER free tickets per buyer and event, counting open checkouts too. */
export async function checkFreeTicketAllowance(
  deps: Pick<Deps, "clock" | "config">,
  tx: Tx,
  buyerId: string,
  priced: PricedPurchase,
): Promise<void> {
  const wanted = freeTickets(priced.items);
  if (wanted === 0) return;
  const earlier = await tx
    .select({ items: payments.items })
    .from(payments)
    .where(and(eq(payments.buyerId, buyerId), eq(payments.eventId, priced.eventId), holdsSeats(deps.clock.now())));
  const limit = deps.config.FREE_TICKETS_PER_BUYER;
  const remaining = Math.max(0, limit - earlier.reduce((n, p) => n + freeTickets(p.items), 0));
  if (wanted > remaining) {
    throw new AppError(
      "LIMIT_REACHED",
      409,
      `You can have at most ${limit} free tickets for this event (${remaining} left).`,
      { kind: "free_tickets", limit, remaining },
    );
  }
}

/** The buyer's checkouts that are still open, newest first. */
export async function openCheckouts(deps: Pick<Deps, "clock">, db: Db | Tx, buyerId: string) {
  return db
    .select({ payment: payments, eventName: events.name })
    .from(payments)
    .innerJoin(events, eq(events.id, payments.eventId))
    .where(and(eq(payments.buyerId, buyerId), eq(payments.status, "pending"), gt(payments.expiresAt, deps.clock.now())))
    .orderBy(sql`${payments.createdAt} desc`);
}

type OpenCheckout = Awaited<ReturnType<typeof openCheckouts>>[number];

/** An open checkout as the buyer sees it: what it is for, until when, and the page to pay it on. */
export const toOpenCheckoutSummary = (
  deps: Pick<Deps, "payments">,
  { payment, eventName }: OpenCheckout,
): OpenCheckoutSummary => ({
  transaction_id: payment.id,
  event_id: payment.eventId,
  event_name: eventName,
  amount_minor: payment.amountMinor,
  currency: payment.currency,
  expires_at: payment.expiresAt?.toISOString() ?? null,
  checkout_url: deps.payments.byName.get(payment.provider)?.checkoutUrl(payment) ?? null,
});

/** A fourth open checkout would hold seats nobody is paying for: finish or cancel one first. */
export async function checkOpenCheckoutAllowance(
  deps: Pick<Deps, "clock" | "payments">,
  tx: Tx,
  buyerId: string,
): Promise<void> {
  const open = await openCheckouts(deps, tx, buyerId);
  if (open.length < MAX_OPEN_CHECKOUTS) return;
  throw new AppError(
    "TOO_MANY_OPEN_CHECKOUTS",
    409,
    `You have ${open.length} unfinished checkouts. Pay for or cancel one before starting another.`,
    { open: open.map((checkout) => toOpenCheckoutSummary(deps, checkout)) },
  );
}
