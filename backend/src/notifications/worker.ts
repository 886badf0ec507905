import { and, eq, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { type Db, rowsOf } from "../db/client";
import { notifications } from "../db/schema";
import type { Clock } from "../shared/clock";
import type { Metrics } from "../shared/metrics";
import { DeliveryError } from "./channels/delivery-error";
import type { EmailSender } from "./channels/email";
import type { SmsProvider } from "./channels/sms";
import { revealSecret, type SecretBox } from "./sealed-secrets";

type NotificationRow = typeof notifications.$inferSelect;

export interface WorkerOptions {
  db: Db;
  clock: Clock;
  sms: SmsProvider;
  email: EmailSender;
  secrets: SecretBox;
  logger: Logger;
  metrics?: Metrics;
  concurrency: number;
  batchSize?: number;
  /** How long a claimed row stays ours before another worker may take it over. */
  leaseMs?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  idlePollMs?: number;
}

export interface NotificationWorker {
  start(): void;
  /** Stops claiming new rows and waits for the messages being sent. */
  stop(): Promise<void>;
  /** Claims and sends one batch; returns how many rows it handled. */
  runOnce(): Promise<number>;
  /** Something was queued: look now instead of at the next poll. */
  wake(): void;
}

export function createNotificationWorker(options: WorkerOptions): NotificationWorker {
  const { db, clock, logger } = options;
  // Two rows per lane: the lease (60 s) then outlasts two sends that each time out (15 s).
  const batchSize = options.batchSize ?? options.concurrency * 2;
  const leaseMs = options.leaseMs ?? 60_000;
  const retryBaseMs = options.retryBaseMs ?? 2_000;
  const retryMaxMs = options.retryMaxMs ?? 3_600_000;
  const idlePollMs = options.idlePollMs ?? 1_000;

  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;

  async function claimBatch(): Promise<NotificationRow[]> {
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    // A row whose lease ran out after its last attempt was maybe sent, maybe not: stop there.
    await db
      .update(notifications)
      .set({
        status: "dead",
        lastError: sql`coalesce(${notifications.lastError}, 'lease expired during the last attempt')`,
        // Dead is final: like every other way a row dies, it keeps no secret.
        sealedSecret: null,
        leaseExpiresAt: null,
      })
      .where(
        sql`${notifications.status} = 'sending' and ${notifications.leaseExpiresAt} < ${now} and ${notifications.attempts} >= ${notifications.maxAttempts}`,
      );
    const result = await db.execute(sql`
      update notifications set status = 'sending', attempts = attempts + 1, lease_expires_at = ${leaseUntil}
      where id in (
        select id from notifications
        where (status in ('queued', 'failed') and next_attempt_at <= ${now})
           or (status = 'sending' and lease_expires_at < ${now})
        order by next_attempt_at
        limit ${batchSize}
        for update skip locked)
      returning id`);
    const ids = rowsOf<{ id: string }>(result).map((r) => r.id);
    if (ids.length === 0) return [];
    return db.query.notifications.findMany({ where: (n, { inArray }) => inArray(n.id, ids) });
  }

  async function deliver(row: NotificationRow): Promise<void> {
    const guard = and(
      eq(notifications.id, row.id),
      eq(notifications.status, "sending"),
      eq(notifications.attempts, row.attempts),
    );
    try {
      const secret = row.sealedSecret ? options.secrets.open(row.sealedSecret) : undefined;
      const text = revealSecret(row.body, secret);
      const result =
        row.channel === "sms"
          ? await options.sms.send(row.recipient, text)
          : await options.email.send({
              to: row.recipient,
              subject: row.subject ?? "",
              text,
              html: row.html ? revealSecret(row.html, secret) : undefined,
            });
      await db
        .update(notifications)
        .set({
          status: "sent",
          sentAt: clock.now(),
          sealedSecret: null,
          leaseExpiresAt: null,
          lastError: null,
          providerMessageId: result.providerMessageId ?? null,
        })
        .where(guard);
      options.metrics?.notificationsSent.inc({ channel: row.channel, outcome: "sent" });
      logger.info({ notificationId: row.id, channel: row.channel, template: row.template }, "notification sent");
    } catch (err) {
      const permanent = err instanceof DeliveryError && err.permanent;
      const reason = err instanceof Error ? err.message : "unknown error";
      const dead = permanent || row.attempts >= row.maxAttempts;
      const delay = backoff(row.attempts, retryBaseMs, retryMaxMs);
      await db
        .update(notifications)
        .set({
          status: dead ? "dead" : "failed",
          lastError: reason.slice(0, 500),
          leaseExpiresAt: null,
          sealedSecret: dead ? null : row.sealedSecret,
          nextAttemptAt: new Date(clock.now().getTime() + delay),
        })
        .where(guard);
      options.metrics?.notificationsSent.inc({ channel: row.channel, outcome: dead ? "dead" : "failed" });
      logger.warn(
        { notificationId: row.id, channel: row.channel, attempt: row.attempts, dead, reason },
        "notification delivery failed",
      );
    }
  }

  async function runOnce(): Promise<number> {
    const rows = await claimBatch();
    let next = 0;
    const lanes = Array.from({ length: Math.min(options.concurrency, rows.length) }, async () => {
      while (next < rows.length) {
        const row = rows[next++];
        if (row) await deliver(row);
      }
    });
    await Promise.all(lanes);
    return rows.length;
  }

  async function run(): Promise<void> {
    while (running) {
      let handled = 0;
      try {
        handled = await runOnce();
      } catch (err) {
        logger.error({ err }, "notification worker could not claim messages");
      }
      if (handled === 0 && running && !woken) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, idlePollMs);
          wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wakeUp = undefined;
      }
      woken = false;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
    runOnce,
    wake() {
      woken = true;
      wakeUp?.();
    },
  };
}

/** Exponential back-off with jitter: half the step fixed, half random, so retries spread out. */
export function backoff(attempt: number, baseMs: number, maxMs: number): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(step / 2 + Math.random() * (step / 2));
}
