import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildApp } from "./app";
import type { Config } from "./config";
import { type Database, openDatabase } from "./db/client";
import { migrateDatabase } from "./db/migrate";
import { seedDemoData } from "./db/seed";
import type { Deps } from "./deps";
import { createEmailSender, type EmailSender } from "./notifications/channels/email";
import { createSmsProvider, type SmsProvider } from "./notifications/channels/sms";
import { SecretBox } from "./notifications/sealed-secrets";
import { createNotificationWorker, type NotificationWorker } from "./notifications/worker";
import { createPaymentProviders } from "./payments/providers";
import { releaseExpiredHolds } from "./purchases/holds";
import { type Clock, systemClock } from "./shared/clock";
import { createMetrics } from "./shared/metrics";
import { connectRateLimitRedis } from "./shared/rate-limit";
import { doorCodeKeys } from "./tickets/door-codes";
import { sendDueReminders } from "./tickets/reminders";

export interface RuntimeOptions {
  logger: Logger;
  /** An already open (and migrated) database; otherwise one is opened from the configuration. */
  database?: Database;
  clock?: Clock;
  sms?: SmsProvider;
  email?: EmailSender;
  /** Build the HTTP app (false for a worker-only process). */
  http?: boolean;
  workerOptions?: {
    leaseMs?: number;
    retryBaseMs?: number;
    retryMaxMs?: number;
    idlePollMs?: number;
    batchSize?: number;
  };
}

export interface Runtime {
  deps: Deps;
  database: Database;
  app?: FastifyInstance;
  worker: NotificationWorker;
  /** Stops taking work, lets in-flight sends finish, closes the pool. */
  close(): Promise<void>;
}

/** Wires configuration to a database, the providers, the worker and the HTTP app. */
export async function startRuntime(config: Config, options: RuntimeOptions): Promise<Runtime> {
  const ownsDatabase = !options.database;
  const database =
    options.database ??
    (await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DATABASE_POOL_SIZE }));
  try {
    if (ownsDatabase) {
      await migrateDatabase(database);
      if (config.DEMO_DATA) await seedDemoData(database.db, (options.clock ?? systemClock).now());
    }
    const clock = options.clock ?? systemClock;
    const sms = options.sms ?? createSmsProvider(config, database.db);
    const email = options.email ?? createEmailSender(config, database.db);
    const secrets = new SecretBox(config.JWT_SECRET);
    const metrics = createMetrics(database.db);
    const worker = createNotificationWorker({
      db: database.db,
      clock,
      sms,
      email,
      secrets,
      logger: options.logger.child({ component: "notification-worker" }),
      metrics,
      concurrency: config.WORKER_CONCURRENCY,
      leaseMs: config.WORKER_LEASE_MS,
      retryBaseMs: config.WORKER_RETRY_BASE_MS,
      ...options.workerOptions,
    });
    const deps: Deps = {
      config,
      db: database.db,
      clock,
      secrets,
      logger: options.logger,
      payments: createPaymentProviders(config, clock),
      metrics,
      doorCodes: doorCodeKeys(config.TICKET_SIGNING_KEY),
      wakeWorker: config.WORKER ? () => worker.wake() : () => {},
    };
    const http = options.http !== false;
    const redis = http && config.REDIS_URL ? connectRateLimitRedis(config.REDIS_URL, options.logger) : undefined;
    const app = http
      ? await buildApp(deps, { redis }).catch(async (err) => {
          // Else the client would keep reconnecting and hold the process open.
          await redis?.close();
          throw err;
        })
      : undefined;
    const timers: NodeJS.Timeout[] = [];
    if (config.WORKER) {
      worker.start();
      const every = (ms: number, job: () => Promise<unknown>, what: string) => {
        const timer = setInterval(() => {
          job().catch((err) => options.logger.error({ err }, `could not ${what}`));
        }, ms);
        timer.unref();
        timers.push(timer);
      };
      // Seats held by checkouts nobody paid for go back on sale.
      every(30_000, () => releaseExpiredHolds(deps), "expire stale payments");
      // Recipients who have not claimed their tickets are reminded (each gift once, whatever the workers).
      every(60_000, () => sendDueReminders(deps), "send claim reminders");
    }
    return {
      deps,
      database,
      app,
      worker,
      async close() {
        for (const timer of timers) clearInterval(timer);
        await app?.close();
        await redis?.close();
        await worker.stop();
        email.close?.();
        if (ownsDatabase) await database.close();
      },
    };
  } catch (err) {
    if (ownsDatabase) await database.close();
    throw err;
  }
}
