import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Database } from "../src/db/client";
import { createEvent, insertCustomers, startSessions } from "../src/test-support/factories";
import { uniqueMobile } from "../src/test-support/phone-numbers";
import { adminUrl, createTestDatabase } from "../src/test-support/test-database";
import { outboxAccounting, outboxSettled, printAccounting, purchaseAccounting, rows } from "./support/accounting";
import { seedFor, signedWebhook } from "./support/fixtures";
import { type HttpResult, json, send, tally, unboundedAgent } from "./support/http";
import { dumpOutput, type ServerProcess, sleep, startServer, stopAll, waitUntil } from "./support/processes";

const STREAM_MS = 6_000;
const LANES = 16;
const DROPS = 5;
const PRICE = 10_000;

let database: Database & { url?: string };
let server: ServerProcess;
/** Every answer the server gave during and after the drops, for the second test. */
let answers: HttpResult[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  // A row whose "sent" update was lost with its connection is retried after 5 s rather than 60 s.
  server = await startServer("server", database.url ?? "", { WORKER_LEASE_MS: "5000" });
});

afterAll(async () => {
  await stopAll();
  await database?.close();
});

const query = <T>(q: ReturnType<typeof sql>) => rows<T>(database.db, q);

describe("Postgres drops the server's connections mid-request", () => {
  it("keeps the server up and never leaves a partial purchase", async () => {
    onTestFailed(() => console.log(dumpOutput([server])));
    const db = database.db;
    const seed = seedFor(db);
    const dbName = new URL(database.url ?? "").pathname.slice(1);
    // Bookings take free seats at one event, checkouts priced seats at another.
    const free = await createEvent(seed, { capacity: 5_000, name: "Fault Suite Free Day" });
    const { event, category } = await createEvent(seed, { capacity: 5_000, priceMinor: PRICE });
    const buyers = await insertCustomers(seed, 40, { namePrefix: "Drop Buyer", withEmail: true });
    const tokens = await startSessions(seed, buyers);
    const agent = unboundedAgent();
    const base = `${server.origin}/api/v1`;
    const body = (on: { event: { id: string }; category: { id: string } } = { event, category }) => ({
      event_id: on.event.id,
      items: [{ category_id: on.category.id, quantity: 2, assignees: [null, { mobile_number: uniqueMobile().e164 }] }],
    });

    const results: Record<"book" | "checkout" | "webhook", HttpResult[]> = { book: [], checkout: [], webhook: [] };
    /** Webhooks the gateway must deliver again (no 200 yet), as a real gateway retries. */
    const undelivered = new Map<string, ReturnType<typeof signedWebhook>>();
    let n = 0;
    const deadline = Date.now() + STREAM_MS;
    const lane = async () => {
      while (Date.now() < deadline) {
        const i = n++;
        const token = tokens[i % tokens.length];
        if (i % 2 === 0) {
          results.book.push(await send(`${base}/tickets/book/`, { token, body: body(free), agent }));
          continue;
        }
        const checkout = await send(`${base}/payments/process/`, { token, body: body(), agent });
        results.checkout.push(checkout);
        const paymentId = json<{ transaction_id?: string }>(checkout)?.transaction_id;
        if (checkout.status !== 201 || !paymentId) continue;
        // Every fourth checkout is declined: its seats must come back.
        const hook = signedWebhook({
          event_id: `evt_drop_${i}`,
          transaction_id: paymentId,
          status: i % 8 === 7 ? "failed" : "paid",
          reference: `sbx_drop_${i}`,
          amount_minor: 2 * PRICE,
          currency: "EGP",
        });
        const delivered = await send(`${base}/payments/webhook/sandbox/`, {
          body: hook.raw,
          headers: hook.headers,
          agent,
        });
        results.webhook.push(delivered);
        if (delivered.status !== 200) undelivered.set(paymentId, hook);
      }
    };

    // Meanwhile, from outside the server: terminate every connection to its database, several times.
    const admin = new pg.Client({ connectionString: adminUrl() });
    await admin.connect();
    const terminated: number[] = [];
    const dropper = (async () => {
      for (let k = 0; k < DROPS; k++) {
        await sleep(STREAM_MS / (DROPS + 1));
        const { rows } = await admin.query(
          "select pg_terminate_backend(pid) as ok from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()",
          [dbName],
        );
        terminated.push(rows.length);
      }
    })();
    await Promise.all([...Array.from({ length: LANES }, lane), dropper]);
    await admin.end();

    // The gateway retries what was not acknowledged, until it is (bounded).
    const redeliveries: HttpResult[] = [];
    for (let round = 0; round < 10 && undelivered.size > 0; round++) {
      for (const [paymentId, hook] of undelivered) {
        const res = await send(`${base}/payments/webhook/sandbox/`, { body: hook.raw, headers: hook.headers, agent });
        redeliveries.push(res);
        if (res.status === 200) undelivered.delete(paymentId);
      }
      if (undelivered.size > 0) await sleep(300);
    }
    agent.destroy();

    const health = await send(`${server.origin}/health`);
    const settled = await waitUntil(async () => server.exit !== undefined || outboxSettled(db), 30_000, 250);
    const purchases = await purchaseAccounting(db);
    const outbox = await outboxAccounting(db);
    const cats = purchases.categories;
    // Messages are written in the transaction that issues the tickets: a paid purchase without its
    // recipient's SMS row would be a message lost to the drop.
    const [lostMessages] = await query<{ n: number }>(
      sql`select count(*)::int as n from tickets t
          where t.assigned_mobile is not null and not exists (
            select 1 from notifications m where m.dedupe_key = 'assignment-sms:' || t.payment_id || ':' || t.assigned_mobile)`,
    );
    // The console SMS and dev-inbox mail write one row per delivery: more rows than sent messages means a
    // message went out twice (its "sent" update was lost with the connection: at-least-once).
    const [deliveries] = await query<{ n: number }>(sql`select count(*)::int as n from dev_inbox_messages`);
    const all = [...results.book, ...results.checkout, ...results.webhook, ...redeliveries];
    answers = all;
    const fiveHundreds = all.filter((r) => r.status === 500).length;
    const noAnswer = all.filter((r) => r.status === 0).length;
    const unclean = all.filter((r) => r.status >= 400 && !json<{ error?: { code?: string } }>(r)?.error?.code).length;

    printAccounting(`Postgres connections terminated ${DROPS} times during ${STREAM_MS / 1000} s of purchases`, [
      ["backends terminated per drop", terminated.join(", ")],
      ["tickets/book", tally(results.book)],
      ["payments/process", tally(results.checkout)],
      ["webhooks (first delivery)", tally(results.webhook)],
      [
        "webhook redeliveries",
        `${redeliveries.length} ${JSON.stringify(tally(redeliveries))}, still unacknowledged ${undelivered.size}`,
      ],
      ["500 INTERNAL_ERROR (always a bug)", fiveHundreds],
      ["no answer (reset, crash)", noAnswer],
      ["error bodies without {error:{code}}", unclean],
      [
        "health afterwards / server process",
        `${health.status} / ${server.exit ? `exited ${JSON.stringify(server.exit)}` : "running"}`,
      ],
      ["payments", purchases.payments],
      ["tickets expected (paid) / found", `${purchases.ticketsExpected} / ${purchases.ticketsIssued}`],
      ["partial purchases", purchases.partialPurchases.length],
      ["category sold = issued + held", cats.map((c) => `${c.sold} = ${c.issued} + ${c.held}`).join("; ")],
      ["tickets without their SMS row", lostMessages?.n],
      ["outbox", `${outbox.total} (sent ${outbox.sent}, stuck ${outbox.stuck}, dead ${outbox.dead})`],
      ["deliveries / sent messages", `${deliveries?.n} / ${outbox.sent}`],
    ]);

    expect(server.exit).toBeUndefined();
    expect(health.status).toBe(200);
    expect(noAnswer).toBe(0);
    expect(unclean).toBe(0);
    expect(undelivered.size).toBe(0);
    expect(purchases.partialPurchases).toEqual([]);
    expect(purchases.duplicateTickets).toBe(0);
    expect(purchases.ticketsIssued).toBe(purchases.ticketsExpected);
    expect(cats).toHaveLength(2);
    for (const cat of cats) expect(cat.sold).toBe(cat.issued + cat.held);
    expect(lostMessages?.n).toBe(0);
    expect(settled).toBe(true);
    expect(outbox).toMatchObject({ stuck: 0, dead: 0 });
    expect(deliveries?.n).toBeGreaterThanOrEqual(outbox.sent);
  });

  // A dropped connection rolls the transaction back: 503 DATABASE_UNAVAILABLE tells clients and gateways to retry.
  it("answers a request that lost its database connection with 503, never 500", () => {
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((r) => r.status >= 500 && r.status !== 503).map((r) => r.body)).toEqual([]);
  });
});
