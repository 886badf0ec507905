import { randomInt } from "node:crypto";
import { Writable } from "node:stream";
import { desc, eq } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { startSession } from "../accounts/sessions";
import { loadConfig } from "../config";
import type { Database } from "../db/client";
import { customers, devInboxMessages, events, ticketCategories, tickets } from "../db/schema";
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
};

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

/** A valid Egyptian mobile number nobody else in the test run uses, in local format and E.164. */
export function randomMobile(): { local: string; e164: string } {
  const rest = String(randomInt(0, 100_000_000)).padStart(8, "0");
  return { local: `010${rest}`, e164: `+2010${rest}` };
}

/** Signs a customer up through the API, as the webapp would. */
export async function createTestCustomer(
  t: TestApp,
  overrides: { mobile?: string; name?: string; email?: string; password?: string; locale?: "en" | "ar" } = {},
) {
  const mobile = overrides.mobile ?? randomMobile().local;
  const password = overrides.password ?? "correct horse battery";
  const reg = await t.call("POST", "/api/v1/users/register/", {
    mobile_number: mobile,
    name: overrides.name ?? "Test Customer",
    ...(overrides.email ? { email: overrides.email } : {}),
    ...(overrides.locale ? { locale: overrides.locale } : {}),
  });
  if (reg.statusCode !== 200) throw new Error(`register failed: ${reg.body}`);
  const e164 = reg.json().mobile_number as string;
  const otp = await t.latestOtp(e164);
  const verified = await t.call("POST", "/api/v1/users/verify-otp/", {
    mobile_number: mobile,
    otp_code: otp,
    signup_id: reg.json().signup_id,
  });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  const done = await t.call("POST", "/api/v1/users/complete-registration/", {
    mobile_number: mobile,
    password,
    signup_token: verified.json().signup_token,
  });
  if (done.statusCode !== 201) throw new Error(`complete failed: ${done.body}`);
  const session = done.json() as { access: string; refresh: string; user: { id: string; mobile_number: string } };
  return { ...session, mobile, e164, password };
}

/**
 * Buys priced tickets the way a buyer does: a checkout, then the sandbox gateway's signed webhook saying
 * it was paid. Returns the tickets the payment issued.
 */
export async function buyTickets(t: TestApp, access: string, body: unknown) {
  const checkout = await t.call("POST", "/api/v1/payments/process/", body, access);
  if (checkout.statusCode !== 201) throw new Error(`checkout failed: ${checkout.body}`);
  const paymentId = checkout.json().transaction_id as string;
  const sandbox = t.runtime.deps.payments.sandbox;
  if (!sandbox) throw new Error("the test app has no sandbox gateway");
  const raw = JSON.stringify({
    event_id: `evt_${paymentId}`,
    transaction_id: paymentId,
    status: "paid",
    reference: `sbx_${paymentId.slice(0, 8)}`,
  });
  const webhook = await t.app.inject({
    method: "POST",
    url: "/api/v1/payments/webhook/sandbox/",
    headers: { "content-type": "application/json", "x-sandbox-signature": sandbox.signWebhook(raw) },
    payload: raw,
  });
  if (webhook.statusCode !== 200) throw new Error(`webhook failed: ${webhook.body}`);
  const issued = await t.database.db.select().from(tickets).where(eq(tickets.paymentId, paymentId));
  return { payment_id: paymentId, tickets: issued.sort((a, b) => a.position - b.position) };
}

/** A customer inserted straight into the database, with a session: for tests that need many buyers. */
export async function insertTestCustomer(
  t: TestApp,
  overrides: { name?: string; email?: string; locale?: "en" | "ar"; mobile?: string } = {},
) {
  const mobile = overrides.mobile ?? randomMobile().e164;
  const [customer] = await t.database.db
    .insert(customers)
    .values({
      mobileNumber: mobile,
      name: overrides.name ?? "Test Buyer",
      email: overrides.email ?? null,
      locale: overrides.locale ?? "en",
      passwordHash: "not-a-real-hash",
    })
    .returning();
  if (!customer) throw new Error("customer insert returned nothing");
  const session = await startSession(t.runtime.deps, t.database.db, customer);
  return { ...session, customer, e164: mobile };
}

/**
 * The demo-sized event tests buy from: `capacity` seats per category, starting in a week. Free unless
 * `priceMinor` is given (free tickets are booked at once; priced ones need a checkout).
 */
export async function createTestEvent(
  t: TestApp,
  options: { capacity?: number; priceMinor?: number; name?: string; categories?: number } = {},
) {
  const [event] = await t.database.db
    .insert(events)
    .values({
      name: options.name ?? "Test Concert",
      venue: "Test Hall, Cairo",
      startsAt: new Date(t.clock.now().getTime() + 7 * 86_400_000),
    })
    .returning();
  if (!event) throw new Error("event insert returned nothing");
  const categories = await t.database.db
    .insert(ticketCategories)
    .values(
      Array.from({ length: options.categories ?? 1 }, (_, i) => ({
        eventId: event.id,
        name: i === 0 ? "Regular" : `Category ${i + 1}`,
        priceMinor: (options.priceMinor ?? 0) * (i + 1),
        capacity: options.capacity ?? 100,
      })),
    )
    .returning();
  return { event, categories, category: categories[0] as (typeof categories)[number] };
}
