import { eq, inArray } from "drizzle-orm";
import { describe, expect } from "vitest";
import { notifications } from "../db/schema";
import { DAY } from "../shared/clock";
import { createLogger } from "../shared/logger";
import { appTest, fileResource, startTestApp } from "../test-support/app-test";
import {
  type FakeHttpServer,
  type FakeReply,
  type RecordedRequest,
  startSmsGateway,
} from "../test-support/fakes/http-server";
import { uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { devInboxEmail } from "./channels/email";
import { httpGatewaySms } from "./channels/sms";
import { queueMessage } from "./outbox";
import { SECRET_PLACEHOLDER } from "./sealed-secrets";
import { backoff, createNotificationWorker } from "./worker";

const RETRY_BASE_MS = 1_000;
const LEASE_MS = 60_000;
const OK: FakeReply = { status: 200, json: { message_id: "accepted" } };

const it = appTest
  .extend(
    "gateway",
    { scope: "file" },
    fileResource(startSmsGateway, (gateway) => gateway.close()),
  )
  .override("t", { scope: "file" }, ({ gateway }, { onCleanup }) =>
    startTestApp(onCleanup, {
      sms: httpGatewaySms({ url: `${gateway.origin}/send`, token: "gateway-token" }),
      workerOptions: { retryBaseMs: RETRY_BASE_MS, leaseMs: LEASE_MS },
    }),
  )
  .extend("outbox", { scope: "file" }, async ({ t, gateway }) => outboxHelpers(t, gateway));

/** Queuing SMS to fresh numbers and reading back their rows and what the gateway got. */
function outboxHelpers(t: TestApp, gateway: FakeHttpServer) {
  let sequence = 0;
  /** Queues one SMS to a fresh number, as a use case would, and returns its row id and number. */
  async function queueSms(overrides: { secret?: string; maxAttempts?: number; dedupeKey?: string } = {}) {
    const to = uniqueMobile().e164;
    const n = ++sequence;
    await queueMessage(t.runtime.deps, t.database.db, {
      channel: "sms",
      recipient: to,
      template: "test",
      locale: "en",
      body: overrides.secret ? `${SECRET_PLACEHOLDER} is code ${n}` : `message ${n} for ${to}`,
      secret: overrides.secret,
      maxAttempts: overrides.maxAttempts,
      dedupeKey: overrides.dedupeKey ?? `test:${n}:${to}`,
    });
    const row = await t.database.db.query.notifications.findFirst({ where: eq(notifications.recipient, to) });
    if (!row) throw new Error("queued row not found");
    return { id: row.id, to };
  }

  const rowById = async (id: string) => {
    const row = await t.database.db.query.notifications.findFirst({ where: eq(notifications.id, id) });
    if (!row) throw new Error(`no row ${id}`);
    return row;
  };
  const requestsTo = (to: string) => gateway.requests.filter((r) => r.form.phone === to);
  const now = () => t.clock.now().getTime();

  /** Makes the gateway hold every request until the test answers it, one by one. */
  function holdGatewayAnswers() {
    const pending: ((reply: FakeReply) => void)[] = [];
    let arrived: (() => void) | undefined;
    gateway.respond(
      () =>
        new Promise<FakeReply>((resolve) => {
          pending.push(resolve);
          arrived?.();
        }),
    );
    return {
      /** Waits for the next request to arrive and returns the function that answers it. */
      async nextRequest(): Promise<(reply: FakeReply) => void> {
        while (pending.length === 0) {
          await new Promise<void>((resolve) => {
            arrived = resolve;
          });
        }
        return pending.shift() as (reply: FakeReply) => void;
      },
    };
  }
  /** A worker besides the app's own, on the same database and gateway (another process, in production). */
  const anotherWorker = (options: { concurrency: number; leaseMs?: number; batchSize?: number }) =>
    createNotificationWorker({
      db: t.database.db,
      clock: t.clock,
      sms: httpGatewaySms({ url: gateway.origin, token: "gateway-token" }),
      email: devInboxEmail(t.database.db),
      secrets: t.runtime.deps.secrets,
      logger: createLogger("silent"),
      ...options,
    });
  return { queueSms, rowById, requestsTo, now, holdGatewayAnswers, anotherWorker };
}

describe(createNotificationWorker.name, () => {
  it("retries a failing gateway with growing delays and delivers each message exactly once when it recovers", async ({
    t,
    gateway,
    outbox,
  }) => {
    const answered = new Map<string, number>();
    gateway.respond((request: RecordedRequest) => {
      const tries = (answered.get(request.form.phone ?? "") ?? 0) + 1;
      answered.set(request.form.phone ?? "", tries);
      return tries <= 3 ? { status: 503, json: { error: "try later" } } : OK;
    });
    const queued = await Promise.all([outbox.queueSms(), outbox.queueSms(), outbox.queueSms()]);
    const ids = queued.map((q) => q.id);

    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await t.runtime.worker.runOnce()).toBe(3);
      const rows = await t.database.db.select().from(notifications).where(inArray(notifications.id, ids));
      const step = RETRY_BASE_MS * 2 ** (attempt - 1);
      for (const row of rows) {
        expect(row).toMatchObject({ status: "failed", attempts: attempt, sentAt: null });
        expect(row.lastError).toBe("SMS gateway answered 503");
        const delay = row.nextAttemptAt.getTime() - outbox.now();
        expect(delay).toBeGreaterThanOrEqual(step / 2);
        expect(delay).toBeLessThanOrEqual(step);
      }
      const due = rows.map((r) => r.nextAttemptAt.getTime());
      // Nothing is retried before its time…
      t.clock.set(new Date(Math.min(...due) - 1));
      expect(await t.runtime.worker.runOnce()).toBe(0);
      // …and everything is once its time comes.
      t.clock.set(new Date(Math.max(...due)));
    }

    expect(await t.deliverAll()).toBe(3);
    for (const { id, to } of queued) {
      expect(await outbox.rowById(id)).toMatchObject({
        status: "sent",
        attempts: 4,
        lastError: null,
        leaseExpiresAt: null,
        providerMessageId: "accepted",
      });
      expect(outbox.requestsTo(to)).toHaveLength(4);
    }
    t.clock.advance(DAY);
    expect(await t.deliverAll()).toBe(0);
    for (const { to } of queued) expect(outbox.requestsTo(to)).toHaveLength(4);
  });

  it("gives up after the last attempt: the row is dead, its secret erased, and it is never tried again", async ({
    t,
    gateway,
    outbox,
  }) => {
    gateway.respond(() => ({ status: 500, json: { error: "boom" } }));
    const { id, to } = await outbox.queueSms({ secret: "424242" });
    const queued = await outbox.rowById(id);
    expect(queued.maxAttempts).toBe(8);
    expect(queued.sealedSecret).not.toBeNull();

    for (let attempt = 1; attempt <= queued.maxAttempts; attempt++) {
      expect(await t.runtime.worker.runOnce()).toBe(1);
      const row = await outbox.rowById(id);
      expect(row.attempts).toBe(attempt);
      if (attempt < queued.maxAttempts) {
        expect(row.status).toBe("failed");
        expect(row.sealedSecret).not.toBeNull();
        t.clock.set(row.nextAttemptAt);
      }
    }
    const dead = await outbox.rowById(id);
    expect(dead).toMatchObject({ status: "dead", attempts: 8, sealedSecret: null, sentAt: null });
    expect(dead.lastError).toBe("SMS gateway answered 500");
    // The ledger keeps the placeholder; every attempt carried the real code.
    expect(dead.body).toContain(SECRET_PLACEHOLDER);
    const texts = outbox.requestsTo(to).map((r) => r.form.text_message);
    expect(texts).toHaveLength(8);
    expect(new Set(texts)).toEqual(new Set([dead.body.replace(SECRET_PLACEHOLDER, "424242")]));

    gateway.respond(() => OK);
    t.clock.advance(30 * DAY);
    expect(await t.deliverAll()).toBe(0);
    expect(outbox.requestsTo(to)).toHaveLength(8);
  });

  it("stops at once when the gateway refuses our credentials (401), without retrying", async ({
    t,
    gateway,
    outbox,
  }) => {
    const { id, to } = await outbox.queueSms({ secret: "777777" });
    gateway.respond(() => ({ status: 401, json: { error: "bad token" } }));
    expect(await t.runtime.worker.runOnce()).toBe(1);
    expect(await outbox.rowById(id)).toMatchObject({ status: "dead", attempts: 1, sealedSecret: null });
    t.clock.advance(DAY);
    expect(await t.deliverAll()).toBe(0);
    expect(outbox.requestsTo(to)).toHaveLength(1);
  });

  it("keeps one row and sends one SMS when the same message is queued twice", async ({ t, gateway, outbox }) => {
    gateway.respond(() => OK);
    const to = uniqueMobile().e164;
    const message = {
      channel: "sms" as const,
      recipient: to,
      template: "test",
      locale: "en" as const,
      body: "You have a ticket",
      dedupeKey: `assignment:payment-1:${to}`,
    };
    expect(await queueMessage(t.runtime.deps, t.database.db, message)).toBe(true);
    expect(await queueMessage(t.runtime.deps, t.database.db, { ...message, body: "A second rendering" })).toBe(false);

    const rows = await t.database.db.select().from(notifications).where(eq(notifications.recipient, to));
    expect(rows).toHaveLength(1);
    expect(await t.deliverAll()).toBe(1);
    expect(outbox.requestsTo(to).map((r) => r.form.text_message)).toEqual(["You have a ticket"]);
  });
});

describe("a worker that dies mid-send", () => {
  it("leaves a row in sending that another worker re-sends once its lease has run out", async ({
    t,
    gateway,
    outbox,
  }) => {
    gateway.respond(() => OK);
    const { id, to } = await outbox.queueSms({ secret: "135790" });
    // What a crashed worker leaves behind: claimed, first attempt counted, lease now over.
    await t.database.db
      .update(notifications)
      .set({ status: "sending", attempts: 1, leaseExpiresAt: new Date(outbox.now() - 1_000) })
      .where(eq(notifications.id, id));

    expect(await t.runtime.worker.runOnce()).toBe(1);
    expect(await outbox.rowById(id)).toMatchObject({ status: "sent", attempts: 2, sealedSecret: null });
    expect(outbox.requestsTo(to).map((r) => r.form.text_message?.slice(0, 6))).toEqual(["135790"]);
  });

  it("leaves alone a row whose worker still holds the lease, and takes it over when the lease runs out", async ({
    t,
    gateway,
    outbox,
  }) => {
    gateway.respond(() => OK);
    const { id, to } = await outbox.queueSms();
    await t.database.db
      .update(notifications)
      .set({ status: "sending", attempts: 1, leaseExpiresAt: new Date(outbox.now() + 30_000) })
      .where(eq(notifications.id, id));

    expect(await t.runtime.worker.runOnce()).toBe(0);
    expect(await outbox.rowById(id)).toMatchObject({ status: "sending", attempts: 1 });
    expect(outbox.requestsTo(to)).toHaveLength(0);

    t.clock.advance(30_001);
    expect(await t.runtime.worker.runOnce()).toBe(1);
    expect(await outbox.rowById(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(outbox.requestsTo(to)).toHaveLength(1);
  });

  it("marks dead, without re-sending, a row whose lease ran out during its last allowed attempt", async ({
    t,
    gateway,
    outbox,
  }) => {
    gateway.respond(() => OK);
    const { id, to } = await outbox.queueSms({ secret: "246802", maxAttempts: 3 });
    await t.database.db
      .update(notifications)
      .set({ status: "sending", attempts: 3, leaseExpiresAt: new Date(outbox.now() - 1_000) })
      .where(eq(notifications.id, id));

    expect(await t.runtime.worker.runOnce()).toBe(0);
    const row = await outbox.rowById(id);
    expect(row).toMatchObject({ status: "dead", attempts: 3, sealedSecret: null });
    expect(row.lastError).toMatch(/lease expired/);
    expect(outbox.requestsTo(to)).toHaveLength(0);
  });

  it("lets a second worker take over a stalled send, and ignores the stalled worker's late answer", async ({
    t,
    gateway,
    outbox,
  }) => {
    const held = outbox.holdGatewayAnswers();
    const stalled = outbox.anotherWorker({ concurrency: 1, leaseMs: LEASE_MS });
    const { id, to } = await outbox.queueSms();

    const stalledRun = stalled.runOnce();
    const answerStalled = await held.nextRequest();
    expect(await outbox.rowById(id)).toMatchObject({ status: "sending", attempts: 1 });

    t.clock.advance(LEASE_MS + 1);
    const takeoverRun = t.runtime.worker.runOnce();
    const answerTakeover = await held.nextRequest();
    expect(await outbox.rowById(id)).toMatchObject({ status: "sending", attempts: 2 });

    // The stalled worker finally hears back (a failure) while the second send is still in flight.
    answerStalled({ status: 500, json: { error: "too late" } });
    expect(await stalledRun).toBe(1);
    expect(await outbox.rowById(id)).toMatchObject({ status: "sending", attempts: 2, lastError: null });

    answerTakeover(OK);
    expect(await takeoverRun).toBe(1);
    expect(await outbox.rowById(id)).toMatchObject({ status: "sent", attempts: 2, lastError: null });

    gateway.respond(() => OK);
    t.clock.advance(DAY);
    expect(await t.deliverAll()).toBe(0);
    expect(outbox.requestsTo(to)).toHaveLength(2);
  });
});

describe("several workers on one database", () => {
  it("never send the same row twice", async ({ t, gateway, outbox }) => {
    gateway.respond(async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      return OK;
    });
    const workers = [1, 2].map(() => outbox.anotherWorker({ concurrency: 4, batchSize: 10 }));
    const queued = [];
    for (let i = 0; i < 200; i++) queued.push(await outbox.queueSms());
    const before = gateway.requests.length;

    const drain = async (worker: (typeof workers)[number]) => {
      let claimed = 0;
      for (let n = await worker.runOnce(); n > 0; n = await worker.runOnce()) claimed += n;
      return claimed;
    };
    const [first = 0, second = 0] = await Promise.all(workers.map(drain));
    const ids = queued.map((q) => q.id);

    const requests = gateway.requests.slice(before);
    expect(requests).toHaveLength(200);
    expect(new Set(requests.map((r) => r.form.phone)).size).toBe(200);
    expect(new Set(requests.map((r) => r.form.text_message)).size).toBe(200);
    expect(first + second).toBe(200);
    // Both workers took a share, so the test did exercise two claimers.
    expect(Math.min(first, second)).toBeGreaterThan(0);

    const rows = await t.database.db
      .select({ status: notifications.status, attempts: notifications.attempts })
      .from(notifications)
      .where(inArray(notifications.id, ids));
    expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });
});

describe(backoff.name, () => {
  it("doubles the delay with each attempt, jittered between half and all of the step, up to the maximum", () => {
    for (let attempt = 1; attempt <= 6; attempt++) {
      const step = 1_000 * 2 ** (attempt - 1);
      const delays = Array.from({ length: 200 }, () => backoff(attempt, 1_000, 3_600_000));
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(step / 2);
      expect(Math.max(...delays)).toBeLessThanOrEqual(step);
      // Jitter: retries of many messages failing together spread out.
      expect(new Set(delays).size).toBeGreaterThan(1);
    }
    const capped = Array.from({ length: 200 }, () => backoff(40, 1_000, 60_000));
    expect(Math.min(...capped)).toBeGreaterThanOrEqual(30_000);
    expect(Math.max(...capped)).toBeLessThanOrEqual(60_000);
    expect(backoff(0, 1_000, 60_000)).toBeLessThanOrEqual(1_000);
  });
});
