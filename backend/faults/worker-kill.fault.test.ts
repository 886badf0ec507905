import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Database } from "../src/db/client";
import { queueMessage } from "../src/notifications/outbox";
import { type FakeHttpServer, startFakeHttpServer } from "../src/test-support/fakes/http-server";
import { uniqueMobile } from "../src/test-support/phone-numbers";
import { createTestDatabase } from "../src/test-support/test-database";
import { outboxAccounting, outboxSettled, printAccounting, rows } from "./support/accounting";
import { faultDeps } from "./support/fixtures";
import { inWaves } from "./support/http";
import { dumpOutput, type ManagedProcess, sleep, startWorker, stopAll, waitUntil } from "./support/processes";

const MESSAGES = 300;
const GATEWAY_DELAY_MS = 300;
/** Kill once about a third of the messages have gone out. */
const KILL_AFTER_SENT = 100;
const WORKER_ENV = {
  SMS_PROVIDER: "http",
  WORKER_CONCURRENCY: "4",
  // A crashed worker's rows come back after 8 s instead of 60 s. It must stay well above what one batch
  // takes (16 rows, 4 at a time, 300 ms each ≈ 1.2 s, more on a loaded machine), or a live worker's rows
  // would be taken over and sent twice.
  WORKER_LEASE_MS: "8000",
};

let database: Database & { url?: string };
let gateway: FakeHttpServer;
const workers: ManagedProcess[] = [];
/** Every request the gateway received, by number, including those whose worker died before hearing the answer. */
const received: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  gateway = await startFakeHttpServer(async (request) => {
    received.push(request.form.phone ?? "");
    await sleep(GATEWAY_DELAY_MS);
    return { status: 200, json: { message_id: `gw-${received.length}` } };
  });
});

afterAll(async () => {
  await stopAll();
  await gateway?.close();
  await database?.close();
});

const query = <T>(q: ReturnType<typeof sql>) => rows<T>(database.db, q);

const sentCount = async () =>
  (await query<{ n: number }>(sql`select count(*)::int as n from notifications where status = 'sent'`))[0]?.n ?? 0;

describe("notification workers killed with SIGKILL mid-batch", () => {
  it("sends every message at least once after a restart, leaves nothing stuck, and repeats only what was in flight", async () => {
    onTestFailed(() => console.log(dumpOutput(workers)));
    const env = { ...WORKER_ENV, SMS_HTTP_URL: `${gateway.origin}/send` };
    const recipients = Array.from({ length: MESSAGES }, () => uniqueMobile().e164);
    await inWaves(
      recipients.map(
        (to, i) => () =>
          queueMessage(faultDeps, database.db, {
            channel: "sms",
            recipient: to,
            template: "fault-test",
            locale: "en",
            body: `Fault suite message ${i + 1}`,
            dedupeKey: `fault-kill:${i}:${to}`,
          }),
      ),
      10,
    );

    const url = database.url ?? "";
    workers.push(startWorker("worker-1", url, env), startWorker("worker-2", url, env));
    const reachedKillPoint = await waitUntil(async () => (await sentCount()) >= KILL_AFTER_SENT, 60_000, 50);
    expect(reachedKillPoint).toBe(true);
    await Promise.all(workers.map((w) => w.kill("SIGKILL")));
    const killedAt = Date.now();
    // Let requests already on the wire reach the gateway before taking stock.
    await sleep(200);

    // What the kill left behind: rows a dead worker had claimed, some already at the gateway.
    const atKill = await outboxAccounting(database.db);
    const inFlight = new Set(
      (await query<{ recipient: string }>(sql`select recipient from notifications where status = 'sending'`)).map(
        (r) => r.recipient,
      ),
    );
    const reachedGatewayAtKill = new Set(received);
    const inFlightAtGateway = [...inFlight].filter((to) => reachedGatewayAtKill.has(to)).length;

    workers.push(startWorker("worker-3", url, env), startWorker("worker-4", url, env));
    const settled = await waitUntil(() => outboxSettled(database.db), 90_000, 200);
    const drainedMs = Date.now() - killedAt;

    const outbox = await outboxAccounting(database.db);
    const perNumber = new Map<string, number>();
    for (const to of received) perNumber.set(to, (perNumber.get(to) ?? 0) + 1);
    const duplicated = [...perNumber].filter(([, n]) => n > 1).map(([to]) => to);
    const duplicatedOutsideInFlight = duplicated.filter((to) => !inFlight.has(to));
    const neverSent = recipients.filter((to) => !perNumber.has(to));
    const takenOver = await query<{ n: number }>(sql`select count(*)::int as n from notifications where attempts > 1`);

    printAccounting(
      "2 workers SIGKILLed mid-batch, 2 new ones started (delivery is at-least-once for a killed worker)",
      [
        ["messages queued", MESSAGES],
        [
          "at the kill",
          `${JSON.stringify(atKill.byStatus)}; claimed by the dead workers ${inFlight.size}, of which already at the gateway ${inFlightAtGateway}`,
        ],
        ["drained after the kill in", `${drainedMs} ms (leases of 8 s had to run out)`],
        ["outbox", `${outbox.total} (sent ${outbox.sent}, stuck ${outbox.stuck}, dead ${outbox.dead})`],
        ["rows retried after the kill (attempts > 1)", takenOver[0]?.n],
        ["gateway requests / distinct numbers", `${received.length} / ${perNumber.size}`],
        ["never sent", neverSent.length],
        ["sent twice (at-least-once: mid-send at the kill)", duplicated.length],
        ["sent twice but NOT in flight at the kill", duplicatedOutsideInFlight.length],
      ],
    );

    expect(settled).toBe(true);
    expect(outbox).toMatchObject({ total: MESSAGES, sent: MESSAGES, stuck: 0, dead: 0 });
    expect(neverSent).toEqual([]);
    expect(duplicatedOutsideInFlight).toEqual([]);
    expect(duplicated.length).toBeLessThanOrEqual(inFlightAtGateway);
    expect(Math.max(...perNumber.values())).toBeLessThanOrEqual(2);
    expect(workers.slice(2).map((w) => w.exit)).toEqual([undefined, undefined]);
  });
});
