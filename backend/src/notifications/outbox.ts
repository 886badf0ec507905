import type { Locale } from "@ticketrunners/shared";
import type { DbOrTx } from "../db/client";
import { type NotificationChannel, notifications } from "../db/schema";
import { afterCommit } from "../db/transaction";
import type { Deps } from "../deps";

export interface OutgoingMessage {
  channel: NotificationChannel;
  recipient: string;
  template: string;
  locale: Locale;
  subject?: string;
  /** May hold SECRET_PLACEHOLDER where `secret` goes at delivery. */
  body: string;
  html?: string;
  secret?: string;
  customerId?: string;
  paymentId?: string;
  ticketId?: string;
  /** For a gift's recipient: the gift the message is about (its delivery status is the sender's to see). */
  giftKey?: string;
  /** One row per key, ever: queueing the same message twice is a no-op. */
  dedupeKey: string;
  maxAttempts?: number;
}

export type OutboxDeps = Pick<Deps, "secrets" | "clock" | "wakeWorker">;

/**
 * Writes a message to the outbox. Call it inside the transaction that makes the change the message
 * is about, so the message exists exactly when the change does; the worker is woken once it commits.
 */
export async function queueMessage(deps: OutboxDeps, tx: DbOrTx, message: OutgoingMessage): Promise<boolean> {
  const now = deps.clock.now();
  const rows = await tx
    .insert(notifications)
    .values({
      channel: message.channel,
      recipient: message.recipient,
      template: message.template,
      locale: message.locale,
      subject: message.subject,
      body: message.body,
      html: message.html,
      sealedSecret: message.secret === undefined ? null : deps.secrets.seal(message.secret),
      customerId: message.customerId,
      paymentId: message.paymentId,
      ticketId: message.ticketId,
      giftKey: message.giftKey,
      dedupeKey: message.dedupeKey,
      maxAttempts: message.maxAttempts,
      nextAttemptAt: now,
      createdAt: now,
    })
    .onConflictDoNothing({ target: notifications.dedupeKey })
    .returning({ id: notifications.id });
  if (rows.length > 0) afterCommit(tx, deps.wakeWorker);
  return rows.length > 0;
}
