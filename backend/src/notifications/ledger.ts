import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { type NotificationStatus, notifications } from "../db/schema";
import { afterCommit } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { SECRET_PLACEHOLDER } from "./sealed-secrets";

export interface ListQuery<S> {
  status?: S;
  limit: number;
  /** Cursor: only rows created before this instant (the last row's created_at of the previous page). */
  before?: string;
}

/** The outbox as the operator sees it: newest first, filtered by status. */
export async function listNotifications(deps: Pick<Deps, "db">, query: ListQuery<NotificationStatus>) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(notifications.status, query.status));
  if (query.before) conditions.push(lt(notifications.createdAt, new Date(query.before)));
  const rows = await deps.db
    .select({
      id: notifications.id,
      channel: notifications.channel,
      recipient: notifications.recipient,
      template: notifications.template,
      status: notifications.status,
      attempts: notifications.attempts,
      max_attempts: notifications.maxAttempts,
      last_error: notifications.lastError,
      next_attempt_at: notifications.nextAttemptAt,
      payment_id: notifications.paymentId,
      created_at: notifications.createdAt,
      sent_at: notifications.sentAt,
    })
    .from(notifications)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt))
    .limit(query.limit);
  return { notifications: rows };
}

/**
 * Puts a dead message back in the queue with a fresh set of attempts. A message that carried a
 * one-time code or claim link cannot be: its secret was erased when it died (the buyer can resend
 * the claim link; a person can ask for a new code).
 */
export async function retryDeadNotification(deps: Pick<Deps, "db" | "clock" | "wakeWorker">, id: string) {
  const row = await deps.db.query.notifications.findFirst({ where: eq(notifications.id, id) });
  if (!row) throw new AppError("NOTIFICATION_NOT_FOUND", 404, "This message does not exist.");
  if (row.status !== "dead")
    throw new AppError("NOT_DEAD", 409, `Only dead messages can be retried (this one is ${row.status}).`);
  if (row.body.includes(SECRET_PLACEHOLDER) && !row.sealedSecret) {
    throw new AppError(
      "SECRET_EXPIRED",
      409,
      "This message carried a one-time code or link that was erased when it died; send a new one instead.",
    );
  }
  const [queued] = await deps.db
    .update(notifications)
    .set({ status: "queued", attempts: 0, nextAttemptAt: deps.clock.now(), leaseExpiresAt: null })
    .where(and(eq(notifications.id, id), eq(notifications.status, "dead")))
    .returning({ id: notifications.id, status: notifications.status });
  if (!queued) throw new AppError("NOT_DEAD", 409, "This message is no longer dead.");
  afterCommit(deps.db, deps.wakeWorker);
  return queued;
}
