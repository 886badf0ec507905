import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Database } from "../src/db/client";
import { createEvent, insertCustomers, startSessions } from "../src/test-support/factories";
import { createTestDatabase } from "../src/test-support/test-database";
import { outboxAccounting, outboxSettled, printAccounting, purchaseAccounting } from "./support/accounting";
import { seedFor } from "./support/fixtures";
import { errorCode, percentile, send, tally, unboundedAgent } from "./support/http";
import { dumpOutput, type ServerProcess, startServer, stopAll, waitUntil } from "./support/processes";

const BUYERS = 1_000;
const SEATS = 100;

let database: Database & { url?: string };
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServer("server", database.url ?? "");
});

afterAll(async () => {
  await stopAll();
  await database?.close();
});

describe("a sell-out", () => {
  it("sells exactly 100 seats to 1,000 concurrent buyers and tells the other 900 SOLD_OUT", async () => {
    onTestFailed(() => console.log(dumpOutput([server])));
    const db = database.db;
    const seed = seedFor(db);
    const { event, category } = await createEvent(seed, { capacity: SEATS });
    const buyers = await insertCustomers(seed, BUYERS, { namePrefix: "Rush Buyer", withEmail: true });
    const tokens = await startSessions(seed, buyers);

    const agent = unboundedAgent();
    const started = performance.now();
    const results = await Promise.all(
      tokens.map((token) =>
        send(`${server.origin}/api/v1/tickets/book/`, {
          token,
          agent,
          body: { event_id: event.id, items: [{ category_id: category.id, quantity: 1 }] },
        }),
      ),
    );
    const wallMs = Math.round(performance.now() - started);
    agent.destroy();

    const statuses = tally(results);
    const purchases = await purchaseAccounting(db);
    const cat = purchases.categories[0];
    const [buyersWithTicket] = (
      (await db.execute(sql`select count(distinct buyer_id)::int as n from tickets`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    const settled = await waitUntil(() => outboxSettled(db), 30_000, 250);
    const outbox = await outboxAccounting(db);
    const others = results.filter((r) => r.status !== 201 && !(r.status === 409 && errorCode(r) === "SOLD_OUT"));

    printAccounting(`${BUYERS} concurrent buyers, ${SEATS} seats, one server process`, [
      ["responses", statuses],
      [
        "wall time / p50 / p99",
        `${wallMs} ms / ${Math.round(
          percentile(
            results.map((r) => r.ms),
            50,
          ),
        )} ms / ${Math.round(
          percentile(
            results.map((r) => r.ms),
            99,
          ),
        )} ms`,
      ],
      ["tickets issued / distinct buyers with one", `${purchases.ticketsIssued} / ${buyersWithTicket?.n}`],
      ["category capacity / sold", `${cat?.capacity} / ${cat?.sold}`],
      ["payments", purchases.payments],
      ["partial purchases / duplicate tickets", `${purchases.partialPurchases.length} / ${purchases.duplicateTickets}`],
      ["responses other than 201 or 409 SOLD_OUT", others.length],
      ["outbox", `${outbox.total} (sent ${outbox.sent}, stuck ${outbox.stuck}, dead ${outbox.dead})`],
    ]);

    expect(statuses).toEqual({ "201": SEATS, "409 SOLD_OUT": BUYERS - SEATS });
    expect(others).toEqual([]);
    expect(purchases.ticketsIssued).toBe(SEATS);
    expect(buyersWithTicket?.n).toBe(SEATS);
    expect(cat).toMatchObject({ capacity: SEATS, sold: SEATS, issued: SEATS, held: 0 });
    expect(purchases.payments).toEqual({ paid: SEATS });
    expect(purchases.partialPurchases).toEqual([]);
    expect(settled).toBe(true);
    // Only the winners' purchase confirmations were queued, and all went out.
    expect(outbox).toMatchObject({ total: SEATS, sent: SEATS, stuck: 0, dead: 0 });
    expect(server.exit).toBeUndefined();
  });
});
