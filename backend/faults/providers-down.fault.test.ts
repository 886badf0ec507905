import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Database } from "../src/db/client";
import { createEvent, insertCustomers, purchaseOf, startSessions } from "../src/test-support/factories";
import { type FakeHttpServer, startFakeHttpServer } from "../src/test-support/fakes/http-server";
import { type FakeSmtpServer, startFakeSmtpServer } from "../src/test-support/fakes/smtp-server";
import { uniqueMobile } from "../src/test-support/phone-numbers";
import { createTestDatabase } from "../src/test-support/test-database";
import { outboxAccounting, outboxSettled, printAccounting, purchaseAccounting, rows } from "./support/accounting";
import { fakeProviders, seedFor } from "./support/fixtures";
import { percentile, send, tally } from "./support/http";
import { dumpOutput, type ServerProcess, startServer, stopAll, waitUntil } from "./support/processes";

const PURCHASES = 10;
/** Failed attempts every message must have had before the providers come back. */
const FAILED_ATTEMPTS = 3;

let database: Database & { url?: string };
let gateway: FakeHttpServer;
let smtp: FakeSmtpServer;
let server: ServerProcess;
let gatewayUp = false;
/** Numbers the gateway accepted a message for (answered 200), in order. */
const acceptedSms: string[] = [];
/** The texts it accepted, to check that a claim link's secret survived the retries. */
const acceptedTexts = new Map<string, string>();

beforeAll(async () => {
  database = await createTestDatabase();
  gateway = await startFakeHttpServer((request) => {
    if (!gatewayUp) return { status: 503, json: { error: "maintenance" } };
    acceptedSms.push(request.form.phone ?? "");
    acceptedTexts.set(request.form.phone ?? "", request.form.text_message ?? "");
    return { status: 200, json: { message_id: `gw-${acceptedSms.length}` } };
  });
  smtp = await startFakeSmtpServer();
  smtp.refuseRecipients(() => ({ code: 451, message: "4.3.0 Mail server temporarily unavailable" }));
  server = await startServer("server", database.url ?? "", {
    ...fakeProviders(gateway, smtp),
    // Retries start 200 ms apart instead of 2 s, so several happen within seconds (the default is 2,000).
    WORKER_RETRY_BASE_MS: "200",
  });
});

afterAll(async () => {
  await stopAll();
  await gateway?.close();
  await smtp?.close();
  await database?.close();
});

const query = <T>(q: ReturnType<typeof sql>) => rows<T>(database.db, q);

describe("the SMS gateway and the SMTP server go down, then come back", () => {
  it("delays every message while they are down and delivers each exactly once when they return", async () => {
    onTestFailed(() => console.log(dumpOutput([server])));
    const db = database.db;
    const seed = seedFor(db);
    const { category } = await createEvent(seed, { capacity: 100 });
    const buyers = await insertCustomers(seed, PURCHASES, { namePrefix: "Outage Buyer", withEmail: true });
    const friends = await insertCustomers(seed, PURCHASES, { namePrefix: "Outage Friend", withEmail: true });
    const tokens = await startSessions(seed, buyers);

    // Each purchase: the buyer's ticket, one for a new number with an email, one for an existing customer.
    // Every recipient is different, so "delivered once" is a count per recipient.
    const expectedSms: string[] = [];
    const strangers: string[] = [];
    const expectedMail: string[] = [];
    const bookings = await Promise.all(
      buyers.map((buyer, i) => {
        const friend = friends[i] as (typeof friends)[number];
        const stranger = uniqueMobile().e164;
        const strangerEmail = `new${stranger.slice(1)}@faults.test`;
        expectedSms.push(stranger, friend.mobileNumber);
        strangers.push(stranger);
        expectedMail.push(buyer.email as string, strangerEmail, friend.email as string);
        return send(`${server.origin}/api/v1/tickets/book/`, {
          token: tokens[i],
          body: purchaseOf(category, [
            null,
            { name: "Stranger", mobile_number: stranger, email: strangerEmail },
            { mobile_number: friend.mobileNumber },
          ]),
        });
      }),
    );
    expect(tally(bookings)).toEqual({ "201": PURCHASES });
    const expectedMessages = expectedSms.length + expectedMail.length;

    // While both are down, the worker keeps retrying with back-off; nothing is lost, nothing given up on.
    const retried = await waitUntil(async () => {
      const [row] = await query<{ n: number }>(
        sql`select count(*)::int as n from notifications where status = 'failed' and attempts >= ${FAILED_ATTEMPTS}`,
      );
      return row?.n === expectedMessages;
    }, 45_000);
    const duringOutage = await outboxAccounting(db);
    const errors = await query<{ channel: string; last_error: string; n: number }>(
      sql`select channel, last_error, count(*)::int as n from notifications group by channel, last_error order by channel`,
    );
    const refusedSmsRequests = gateway.requests.length;
    const refusedMailAttempts = await query<{ n: number }>(
      sql`select coalesce(sum(attempts), 0)::int as n from notifications where channel = 'email'`,
    );

    gatewayUp = true;
    smtp.refuseRecipients(() => undefined);
    const recovered = performance.now();
    const settled = await waitUntil(() => outboxSettled(db), 60_000, 200);
    const recoveryMs = Math.round(performance.now() - recovered);

    const outbox = await outboxAccounting(db);
    const purchases = await purchaseAccounting(db);
    const smsPerPhone = countBy(acceptedSms);
    const mailPerAddress = countBy(smtp.received.flatMap((m) => m.envelopeTo));
    const duplicateSends =
      Object.values(smsPerPhone).reduce((n, c) => n + c - 1, 0) +
      Object.values(mailPerAddress).reduce((n, c) => n + c - 1, 0);
    const missing = [
      ...expectedSms.filter((p) => smsPerPhone[p] !== 1),
      ...expectedMail.filter((m) => mailPerAddress[m] !== 1),
    ];
    // The claim link's token is sealed in the row and unsealed at each attempt: after 4+ tries it must still be whole.
    const claimLinks = strangers.filter((to) => /\/signup\?token=[\w-]{43}\b/.test(acceptedTexts.get(to) ?? "")).length;
    const attempts = await query<{ attempts: number; n: number }>(
      sql`select attempts, count(*)::int as n from notifications group by attempts order by attempts`,
    );

    printAccounting("SMS gateway (503) and SMTP server (451) down, then back", [
      [
        "bookings while down",
        `${tally(bookings)["201"]} × 201, p100 ${Math.round(
          percentile(
            bookings.map((b) => b.ms),
            100,
          ),
        )} ms`,
      ],
      ["messages queued", `${expectedMessages} (${expectedSms.length} SMS, ${expectedMail.length} email)`],
      ["during the outage", `${JSON.stringify(duringOutage.byStatus)}, max attempts ${duringOutage.maxAttempts}`],
      ["refused: SMS requests / email attempts", `${refusedSmsRequests} / ${refusedMailAttempts[0]?.n}`],
      ["last errors during the outage", errors.map((e) => `${e.channel}: ${e.last_error} ×${e.n}`).join("; ")],
      ["drained after recovery in", `${recoveryMs} ms`],
      ["outbox", `${outbox.total} (sent ${outbox.sent}, stuck ${outbox.stuck}, dead ${outbox.dead})`],
      ["attempts per message", Object.fromEntries(attempts.map((a) => [a.attempts, a.n]))],
      ["SMS delivered / expected", `${acceptedSms.length} / ${expectedSms.length}`],
      ["mails delivered / expected", `${smtp.received.length} / ${expectedMail.length}`],
      ["duplicate sends / not delivered exactly once", `${duplicateSends} / ${missing.length}`],
      ["claim SMS with a whole link / new numbers", `${claimLinks} / ${strangers.length}`],
      ["tickets", `${purchases.ticketsIssued} (partial purchases ${purchases.partialPurchases.length})`],
    ]);

    expect(retried).toBe(true);
    expect(duringOutage).toMatchObject({ sent: 0, dead: 0 });
    expect(settled).toBe(true);
    expect(outbox).toMatchObject({ total: expectedMessages, sent: expectedMessages, stuck: 0, dead: 0 });
    expect(acceptedSms).toHaveLength(expectedSms.length);
    expect(smtp.received).toHaveLength(expectedMail.length);
    expect({ duplicateSends, missing }).toEqual({ duplicateSends: 0, missing: [] });
    expect(claimLinks).toBe(strangers.length);
    expect(purchases.ticketsIssued).toBe(PURCHASES * 3);
    expect(server.exit).toBeUndefined();
  });
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
