import { normalizeMobileNumber } from "@ticketrunners/shared";
import { and, desc, eq, type SQL, sql } from "drizzle-orm";
import { type ListQuery, olderThan } from "../db/paging";
import { type NotificationStatus, notifications } from "../db/schema";
import { afterCommit, inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { recordAudit } from "../shared/audit";
import { SECRET_PLACEHOLDER } from "./sealed-secrets";

interface LedgerQuery extends ListQuery<NotificationStatus> {
  channel?: "sms" | "email";
  template?: string;
  /** A number in any spelling, or an email address. */
  recipient?: string;
  payment_id?: string;
}

/** The outbox as the operator sees it: newest first, filtered by status, channel, template, recipient, purchase. */
export async function listNotifications(deps: Pick<Deps, "db" | "config">, query: LedgerQuery) {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(notifications.status, query.status));
  if (query.channel) conditions.push(eq(notifications.channel, query.channel));
  if (query.template) conditions.push(eq(notifications.template, query.template));
  if (query.payment_id) conditions.push(eq(notifications.paymentId, query.payment_id));
  if (query.recipient) {
    const typed = query.recipient.trim();
    const number = normalizeMobileNumber(typed, deps.config.DEFAULT_PHONE_REGION);
    // An address is matched whole, in any case: what was typed is a value, never a LIKE pattern.
    conditions.push(
      number ? eq(notifications.recipient, number) : sql`lower(${notifications.recipient}) = ${typed.toLowerCase()}`,
    );
  }
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
    .where(and(...conditions, olderThan(notifications.createdAt, query.before)))
    .orderBy(desc(notifications.createdAt))
    .limit(query.limit);
  return { notifications: rows };
}

/**
 * Puts a dead message back in the queue with a fresh set of attempts. A message that carried a
 * one-time code or claim link cannot be: its secret was erased when it died (the buyer can resend
 * the claim link; a person can ask for a new code).
 */
export async function retryDeadNotification(
  deps: Pick<Deps, "db" | "clock" | "wakeWorker">,
  actor: { id: string },
  id: string,
) {
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
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const [queued] = await tx
      .update(notifications)
      .set({ status: "queued", attempts: 0, nextAttemptAt: now, leaseExpiresAt: null })
      .where(and(eq(notifications.id, id), eq(notifications.status, "dead")))
      .returning({ id: notifications.id, status: notifications.status });
    if (!queued) throw new AppError("NOT_DEAD", 409, "This message is no longer dead.");
    await recordAudit(tx, now, {
      actorId: actor.id,
      action: "notification.retried",
      targetType: "notification",
      targetId: id,
      before: { status: "dead", attempts: row.attempts, last_error: row.lastError },
      after: { status: "queued" },
    });
    afterCommit(tx, deps.wakeWorker);
    return queued;
  });
}
