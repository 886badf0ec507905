import { Writable } from "node:stream";
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { loadConfig } from "../config";
import type { Database } from "../db/client";
import { devInboxMessages } from "../db/schema";
import type { EmailSender } from "../notifications/channels/email";
import type { SmsProvider } from "../notifications/channels/sms";
import { type Runtime, type RuntimeOptions, startRuntime } from "../runtime";
import { ManualClock } from "../shared/clock";
import { createLogger } from "../shared/logger";
import { createTestDatabase } from "./test-database";

export interface TestApp {
  app: FastifyInstance;
  runtime: Runtime;
  database: Database;
  clock: ManualClock;
  /** Every log line the app wrote, for the no-secrets-in-logs check. */
  logs: string[];
  call(method: InjectOptions["method"], url: string, body?: unknown, token?: string): Promise<LightMyRequestResponse>;
  /** Runs the worker until the outbox has nothing due. */
  deliverAll(): Promise<number>;
  inbox(to?: string): Promise<(typeof devInboxMessages.$inferSelect)[]>;
  latestOtp(toE164: string): Promise<string>;
  /** Listens on a free port of 127.0.0.1 and returns the base URL, for tests over real HTTP. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  database?: Database;
  sms?: SmsProvider;
  email?: EmailSender;
  workerOptions?: RuntimeOptions["workerOptions"];
}

export const TEST_JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";

/** Settings every production refusal accepts (real gateways pointed nowhere), for production-app tests. */
export const PRODUCTION_TEST_ENV: Record<string, string> = {
  NODE_ENV: "production",
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: "http://127.0.0.1:9/unused",
  EMAIL_HOST: "127.0.0.1",
  PAYMENT_WEBHOOK_SECRET: "whsec_production_test",
  PAYMENT_PROVIDER: "kashier",
  KASHIER_MERCHANT_ID: "MID-0000-0000",
  KASHIER_API_KEY: "kashier-test-api-key",
  METRICS_TOKEN: "metrics-token-for-tests-0123456789",
  TICKET_SIGNING_KEY: Buffer.alloc(32, 5).toString("base64url"),
};

/** What a production server never mounts: the sandbox gateway (pages, stylesheet, webhook) and the dev inbox. */
export const DEVELOPMENT_ONLY_ROUTES = [
  ["GET", "/payments/sandbox/checkout/7d1f7c1e-2b8e-4a39-9d8e-2f0f3a1b9c11"],
  ["POST", "/payments/sandbox/checkout/7d1f7c1e-2b8e-4a39-9d8e-2f0f3a1b9c11/pay"],
  ["GET", "/payments/sandbox/checkout.css"],
  ["GET", "/dev/inbox"],
  ["GET", "/dev/inbox.css"],
  ["GET", "/api/dev/outbox"],
  ["POST", "/api/v1/payments/webhook/sandbox/"],
] as const;

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const logs: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({
    NODE_ENV: "test",
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: "/tmp/ticketrunners-test-unused",
    FRONTEND_URL: "http://tickets.test",
    RATE_LIMIT_SCALE: "100",
    WORKER: "false",
    DEMO_DATA: "false",
    LOG_LEVEL: "info",
    ...options.env,
  });
  const clock = new ManualClock(new Date());
  const runtime = await startRuntime(config, {
    logger: createLogger("info", stream),
    database,
    clock,
    sms: options.sms,
    email: options.email,
    workerOptions: { retryBaseMs: 1_000, ...options.workerOptions },
  });
  const app = runtime.app as FastifyInstance;
  await app.ready();

  const testApp: TestApp = {
    app,
    runtime,
    database,
    clock,
    logs,
    call: (method, url, body, token) =>
      app.inject({
        method,
        url,
        ...(body === undefined ? {} : { payload: body as InjectOptions["payload"] }),
        headers: token ? { authorization: `Bearer ${token}` } : {},
      }),
    async deliverAll() {
      let total = 0;
      for (let i = 0; i < 100; i++) {
        const n = await runtime.worker.runOnce();
        if (n === 0) break;
        total += n;
      }
      return total;
    },
    async inbox(to) {
      const query = database.db.select().from(devInboxMessages);
      return (to ? query.where(eq(devInboxMessages.recipient, to)) : query).orderBy(desc(devInboxMessages.id));
    },
    async latestOtp(to) {
      await testApp.deliverAll();
      // The newest code SMS: other texts (a ticket's link) may have reached the number since.
      const texts = await testApp.inbox(to);
      const code = texts.map((m) => m.text.match(/^(\d{6}) (?:is your|هو رمز)/)?.[1]).find(Boolean);
      if (!code) throw new Error(`no OTP SMS for ${to}`);
      return code;
    },
    async listen() {
      await app.listen({ host: "127.0.0.1", port: 0 });
      const address = app.server.address();
      if (!address || typeof address === "string") throw new Error("the test app is not listening on TCP");
      return `http://127.0.0.1:${address.port}`;
    },
    async close() {
      // Closing the app (in runtime.close) also closes a listening server.
      await runtime.close();
      if (!options.database) await database.close();
    },
  };
  return testApp;
}
