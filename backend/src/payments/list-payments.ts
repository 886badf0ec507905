import { and, desc, eq, type SQL } from "drizzle-orm";
import { type ListQuery, olderThan } from "../db/paging";
import { type PaymentStatus, payments } from "../db/schema";
import type { Deps } from "../deps";

/** Payments as the operator sees them: newest first, filtered by status. */
export async function listPayments(deps: Pick<Deps, "db">, query: ListQuery<PaymentStatus>) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(payments.status, query.status));
  const rows = await deps.db
    .select({
      id: payments.id,
      buyer_id: payments.buyerId,
      event_id: payments.eventId,
      provider: payments.provider,
      provider_reference: payments.providerReference,
      status: payments.status,
      amount_minor: payments.amountMinor,
      currency: payments.currency,
      failure_reason: payments.failureReason,
      created_at: payments.createdAt,
      paid_at: payments.paidAt,
      expires_at: payments.expiresAt,
    })
    .from(payments)
    .where(and(...conditions, olderThan(payments.createdAt, query.before)))
    .orderBy(desc(payments.createdAt))
    .limit(query.limit);
  return { payments: rows };
}
