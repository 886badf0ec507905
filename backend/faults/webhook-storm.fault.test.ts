import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import type { Database } from "../src/db/client";
import { createEvent, insertCustomers, startSessions } from "../src/test-support/factories";
import { type FakeHttpServer, startSmsGateway } from "../src/test-support/fakes/http-server";
import { type FakeSmtpServer, startFakeSmtpServer } from "../src/test-support/fakes/smtp-server";
import { uniqueMobile } from "../src/test-support/phone-numbers";
import { createTestDatabase } from "../src/test-support/test-database";
import { outboxAccounting, outboxSettled, printAccounting, purchaseAccounting } from "./support/accounting";
import { fakeProviders, seedFor, signedWebhook } from "./support/fixtures";
import { json, send, tally, unboundedAgent } from "./support/http";
import { dumpOutput, type ServerProcess, startServer, stopAll, waitUntil } from "./support/processes";

const PAYMENTS = 20;
const COPIES = 50;
const PRICE = 15_000;

let database: Database & { url?: string };
let gateway: FakeHttpServer;
let smtp: FakeSmtpServer;
const servers: ServerProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  gateway = await startSmsGateway();
  smtp = await startFakeSmtpServer();
  const env = fakeProviders(gateway, smtp);
  // Two server processes on one database: the copies race across processes, not only inside one.
  servers.push(
    ...(await Promise.all([
      startServer("server-a", database.url ?? "", env),
      startServer("server-b", database.url ?? "", env),
    ])),
  );
});

afterAll(async () => {
  await stopAll();
  await gateway?.close();
  await smtp?.close();
  await database?.close();
});

describe("a storm of webhook copies", () => {
  it("applies 50 concurrent copies of each of 20 webhooks once: 80 tickets, one message per dedupe key, no 5xx", async () => {
    onTestFailed(() => console.log(dumpOutput(servers)));
    const db = database.db;
    const seed = seedFor(db);
    const { event, category } = await createEvent(seed, { capacity: 200, priceMinor: PRICE });
    const buyers = await insertCustomers(seed, PAYMENTS, { namePrefix: "Storm Buyer", withEmail: true });
    const friends = await insertCustomers(seed, PAYMENTS, { namePrefix: "Storm Friend", withEmail: true });
    const tokens = await startSessions(seed, buyers);
    const [a, b] = servers as [ServerProcess, ServerProcess];

    // 20 pending checkouts, each of 4 tickets: the buyer's own, two new numbers (one with an email), an existing customer.
    const expectedKeys = new Set<string>();
    const expectedSms: string[] = [];
    const newNumbers = new Set<string>();
    const expectedMail: string[] = [];
    const checkouts = await Promise.all(
      buyers.map(async (buyer, i) => {
        const friend = friends[i] as (typeof friends)[number];
        const newWithEmail = uniqueMobile().e164;
        const newWithoutEmail = uniqueMobile().e164;
        const newEmail = `new${newWithEmail.slice(1)}@faults.test`;
        const res = await send(`${a.origin}/api/v1/payments/process/`, {
          token: tokens[i],
          body: {
            event_id: event.id,
            items: [
              {
                category_id: category.id,
                quantity: 4,
                assignees: [
                  null,
                  { name: "New One", mobile_number: newWithEmail, email: newEmail },
                  { mobile_number: newWithoutEmail },
                  { name: friend.name, mobile_number: friend.mobileNumber },
                ],
              },
            ],
          },
        });
        expect(res.status, res.body).toBe(201);
        const paymentId = json<{ transaction_id: string }>(res)?.transaction_id as string;
        for (const key of [
          `purchase-confirmation:${paymentId}`,
          `assignment-sms:${paymentId}:${newWithEmail}`,
          `assignment-sms:${paymentId}:${newWithoutEmail}`,
          `assignment-sms:${paymentId}:${friend.mobileNumber}`,
          `assignment-email:${paymentId}:${newWithEmail}`,
          `assignment-email:${paymentId}:${friend.mobileNumber}`,
        ])
          expectedKeys.add(key);
        expectedSms.push(newWithEmail, newWithoutEmail, friend.mobileNumber);
        newNumbers.add(newWithEmail).add(newWithoutEmail);
        expectedMail.push(buyer.email as string, newEmail, friend.email as string);
        return signedWebhook({
          event_id: `evt_storm_${i}`,
          transaction_id: paymentId,
          status: "paid",
          reference: `sbx_storm_${i}`,
          amount_minor: 4 * PRICE,
          currency: "EGP",
        });
      }),
    );

    // 1,000 requests at once, copies interleaved and spread over both processes.
    const agent = unboundedAgent();
    const storm = Array.from({ length: PAYMENTS * COPIES }, (_, n) => {
      const hook = checkouts[n % PAYMENTS] as (typeof checkouts)[number];
      const server = n % 2 === 0 ? a : b;
      return { hook, server };
    });
    const started = performance.now();
    const results = await Promise.all(
      storm.map(({ hook, server }) =>
        send(`${server.origin}/api/v1/payments/webhook/sandbox/`, { body: hook.raw, headers: hook.headers, agent }),
      ),
    );
    const stormMs = Math.round(performance.now() - started);
    agent.destroy();
    const statuses = tally(results);
    const applied = results.filter((r) => json<{ duplicate?: boolean }>(r)?.duplicate === false).length;

    // The in-process workers of both servers deliver what the webhooks queued.
    const settled = await waitUntil(() => outboxSettled(db), 60_000, 250);

    const purchases = await purchaseAccounting(db);
    const outbox = await outboxAccounting(db);
    const keys = (
      (await db.execute(sql`select dedupe_key from notifications`)) as unknown as { rows: { dedupe_key: string }[] }
    ).rows.map((r) => r.dedupe_key);
    const [hooks] = (
      (await db.execute(sql`select count(*)::int as n from webhook_events`)) as unknown as { rows: { n: number }[] }
    ).rows;
    const [tokenRows] = (
      (await db.execute(sql`select count(*)::int as n from ticket_registration_tokens`)) as unknown as {
        rows: { n: number }[];
      }
    ).rows;
    const accepted = gateway.requests.map((r) => r.form.phone ?? "");
    const smsPerPhone = countBy(accepted);
    const mailPerAddress = countBy(smtp.received.flatMap((m) => m.envelopeTo));
    const duplicateSends =
      Object.values(smsPerPhone).reduce((n, c) => n + c - 1, 0) +
      Object.values(mailPerAddress).reduce((n, c) => n + c - 1, 0);
    const missingSends =
      expectedSms.filter((p) => !smsPerPhone[p]).length + expectedMail.filter((m) => !mailPerAddress[m]).length;
    // A new number's SMS carries its own claim link, the secret unsealed at delivery; an account holder's points to My Tickets.
    const claimTokens = gateway.requests.flatMap((r) =>
      newNumbers.has(r.form.phone ?? "")
        ? [r.form.text_message?.match(/\/signup\?token=([\w-]{43})\b/)?.[1] ?? "none"]
        : [],
    );
    const placeholders = gateway.requests.filter((r) => r.form.text_message?.includes("{{secret}}")).length;
    const fiveXx = results.filter((r) => r.status >= 500 || r.status === 0).length;

    printAccounting("webhook storm (1,000 copies of 20 webhooks over 2 server processes)", [
      ["webhook responses", statuses],
      ["storm wall time", `${stormMs} ms`],
      ["copies applied (duplicate:false)", applied],
      ["webhook_events rows", hooks?.n],
      ["payments", purchases.payments],
      ["tickets expected / found", `${PAYMENTS * 4} / ${purchases.ticketsIssued}`],
      ["partial purchases", purchases.partialPurchases.length],
      ["duplicate tickets", purchases.duplicateTickets],
      ["category sold / issued", `${purchases.categories[0]?.sold} / ${purchases.categories[0]?.issued}`],
      ["claim tokens issued / distinct links sent", `${tokenRows?.n} / ${new Set(claimTokens).size}`],
      [
        "notifications expected / rows / distinct keys",
        `${expectedKeys.size} / ${keys.length} / ${new Set(keys).size}`,
      ],
      ["outbox", `${outbox.total} (sent ${outbox.sent}, stuck ${outbox.stuck}, dead ${outbox.dead})`],
      ["SMS accepted / expected", `${accepted.length} / ${expectedSms.length}`],
      ["mails accepted / expected", `${smtp.received.length} / ${expectedMail.length}`],
      ["duplicate sends / missing sends", `${duplicateSends} / ${missingSends}`],
      ["5xx or no answer", fiveXx],
    ]);

    expect(statuses).toEqual({ "200": PAYMENTS * COPIES });
    expect(applied).toBe(PAYMENTS);
    expect(hooks?.n).toBe(PAYMENTS);
    expect(purchases.payments).toEqual({ paid: PAYMENTS });
    expect(purchases.ticketsIssued).toBe(PAYMENTS * 4);
    expect(purchases.partialPurchases).toEqual([]);
    expect(purchases.duplicateTickets).toBe(0);
    expect(purchases.categories[0]).toMatchObject({ sold: PAYMENTS * 4, issued: PAYMENTS * 4, held: 0 });
    expect(tokenRows?.n).toBe(PAYMENTS * 2);
    expect(claimTokens).not.toContain("none");
    expect(new Set(claimTokens).size).toBe(PAYMENTS * 2);
    expect(placeholders).toBe(0);
    expect(new Set(keys)).toEqual(expectedKeys);
    expect(keys).toHaveLength(expectedKeys.size);
    expect(settled).toBe(true);
    expect(outbox).toMatchObject({ total: expectedKeys.size, sent: expectedKeys.size, stuck: 0, dead: 0 });
    expect(accepted.length).toBe(expectedSms.length);
    expect(smtp.received.length).toBe(expectedMail.length);
    expect({ duplicateSends, missingSends }).toEqual({ duplicateSends: 0, missingSends: 0 });
    expect(servers.map((s) => s.exit)).toEqual([undefined, undefined]);
  });
});

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
