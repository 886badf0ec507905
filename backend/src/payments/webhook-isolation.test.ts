import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { startSession } from "../accounts/sessions";
import { notifications } from "../db/schema";
import { HOUR } from "../shared/clock";
import { appTest, type Cleanup } from "../test-support/app-test";
import {
  createEvent,
  gatewayReports,
  giveTickets,
  insertCustomer,
  purchaseOf,
  startCheckout,
} from "../test-support/factories";
import { type FakeHttpServer, startFakeHttpServer } from "../test-support/fakes/http-server";
import { uniqueMobile } from "../test-support/phone-numbers";
import { createTestApp, type TestApp } from "../test-support/test-app";

/** An SMS gateway that answers each message with `reply`, and an app that texts through it. */
const behind =
  (reply: () => Promise<{ status: number; json: unknown }>, env: Record<string, string> = {}) =>
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
  async ({}, { onCleanup }: Cleanup) => {
    const answeredAt: number[] = [];
    const gateway = await startFakeHttpServer(async () => {
      const answer = await reply();
      answeredAt.push(Date.now());
      return answer;
    });
    const t = await createTestApp({ env: { SMS_PROVIDER: "http", SMS_HTTP_URL: `${gateway.origin}/send`, ...env } });
    onCleanup(async () => {
      await t.close();
      await gateway.close();
    });
    return { t, gateway, answeredAt };
  };

const it = appTest
  // A gateway that takes 3 seconds to answer each message, and a worker running in the server.
  .extend(
    "slow",
    { scope: "file" },
    behind(
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 3_000));
        return { status: 200, json: { message_id: "slow-1" } };
      },
      { WORKER: "true" },
    ),
  )
  .extend(
    "down",
    { scope: "file" },
    behind(async () => ({ status: 503, json: { error: "down" } })),
  );

async function checkoutGivingTicketsAway(t: TestApp, assignees: { mobile_number: string; email?: string }[]) {
  const buyer = await insertCustomer(t, { name: "Patient Buyer" });
  const { category } = await createEvent(t, { priceMinor: 25_000 });
  return { buyer, paymentId: (await startCheckout(t, buyer.access, purchaseOf(category, assignees))).transaction_id };
}

const sentTo = (gateway: FakeHttpServer, e164: string) => gateway.requests.filter((r) => r.form.phone === e164);

describe("the webhook and the SMS gateway", () => {
  it("answers the webhook without waiting for the slow gateway, which still gets the SMS", async ({ slow }) => {
    const { t, gateway, answeredAt } = slow;
    const recipient = uniqueMobile();
    const { buyer, paymentId } = await checkoutGivingTicketsAway(t, [{ mobile_number: recipient.local }]);
    const res = await gatewayReports(t, paymentId);
    const answered = Date.now();
    expect(res.status).toBe(200);
    expect(answeredAt).toHaveLength(0);
    const status = await t.call("GET", `/api/v1/payments/${paymentId}/status/`, undefined, buyer.access);
    expect(status.json()).toMatchObject({ status: "paid", ticket_count: 1 });

    await expect.poll(() => answeredAt.length, { timeout: 15_000, interval: 200 }).toBeGreaterThan(0);
    expect(answered).toBeLessThan(answeredAt[0] ?? 0);
    await expect
      .poll(
        async () =>
          (await t.database.db.select().from(notifications).where(eq(notifications.recipient, recipient.e164)))[0]
            ?.status,
        { timeout: 15_000, interval: 200 },
      )
      .toBe("sent");
    expect(sentTo(gateway, recipient.e164)).toHaveLength(1);
  });
});

describe("a gateway that never recovers", () => {
  it("ends with the SMS dead after the last attempt, and the buyer sees it could not be delivered", async ({
    down,
  }) => {
    const { t, gateway } = down;
    const recipient = uniqueMobile();
    const { buyer } = await giveTickets(t, [{ mobile_number: recipient.local }]);
    for (let i = 0; i < 10; i++) {
      await t.deliverAll();
      t.clock.advance(2 * HOUR);
    }
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, recipient.e164));
    expect(row).toMatchObject({ status: "dead", attempts: row?.maxAttempts, sealedSecret: null });
    expect(row?.lastError).toContain("503");
    expect(sentTo(gateway, recipient.e164)).toHaveLength(row?.maxAttempts ?? -1);

    const session = await startSession(t.runtime.deps, t.database.db, buyer.customer);
    const sent = (await t.call("GET", "/api/v1/users/tickets/", undefined, session.access)).json().sent;
    expect(sent[0]).toMatchObject({ claim_status: "pending", delivery: { sms: "dead", email: "none" } });
  });
});
