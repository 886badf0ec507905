import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSession } from "../accounts/sessions";
import { notifications } from "../db/schema";
import { HOUR } from "../shared/clock";
import { type FakeHttpServer, startFakeHttpServer } from "../test-support/fakes/http-server";
import {
  createTestApp,
  createTestEvent,
  insertTestCustomer,
  randomMobile,
  type TestApp,
} from "../test-support/test-app";
import { SANDBOX_SIGNATURE_HEADER } from "./providers/sandbox";

const SECRET = "whsec_isolation_secret";
const hmac = (key: string, message: string) => createHmac("sha256", key).update(message).digest("hex");

async function checkoutGivingTicketsAway(t: TestApp, assignees: { mobile_number: string; email?: string }[]) {
  const buyer = await insertTestCustomer(t, { name: "Patient Buyer" });
  const { event, category } = await createTestEvent(t, { priceMinor: 25_000 });
  const res = await t.call(
    "POST",
    "/api/v1/payments/process/",
    { event_id: event.id, items: [{ category_id: category.id, quantity: assignees.length, assignees }] },
    buyer.access,
  );
  return { buyer, paymentId: res.json().transaction_id as string };
}

function paidWebhook(t: TestApp, paymentId: string, amountMinor: number) {
  const raw = JSON.stringify({
    event_id: `evt_${paymentId}`,
    transaction_id: paymentId,
    status: "paid",
    reference: "sbx_isolation",
    amount_minor: amountMinor,
    currency: "EGP",
  });
  const ts = Math.floor(t.clock.now().getTime() / 1000);
  return t.app.inject({
    method: "POST",
    url: "/api/v1/payments/webhook/sandbox/",
    headers: {
      "content-type": "application/json",
      [SANDBOX_SIGNATURE_HEADER]: `t=${ts},v1=${hmac(SECRET, `${ts}.${raw}`)}`,
    },
    payload: raw,
  });
}

describe("the webhook and the SMS gateway", () => {
  let gateway: FakeHttpServer;
  let t: TestApp;
  const answeredAt: number[] = [];

  beforeAll(async () => {
    // A gateway that takes 3 seconds to answer each message.
    gateway = await startFakeHttpServer(async () => {
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      answeredAt.push(Date.now());
      return { status: 200, json: { message_id: "slow-1" } };
    });
    t = await createTestApp({
      env: {
        WORKER: "true",
        SMS_PROVIDER: "http",
        SMS_HTTP_URL: `${gateway.origin}/send`,
        PAYMENT_WEBHOOK_SECRET: SECRET,
      },
    });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  it("answers the webhook without waiting for the slow gateway, which still gets the SMS", async () => {
    const recipient = randomMobile();
    const { buyer, paymentId } = await checkoutGivingTicketsAway(t, [{ mobile_number: recipient.local }]);
    const res = await paidWebhook(t, paymentId, 25_000);
    const answered = Date.now();
    expect(res.statusCode).toBe(200);
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
    expect(gateway.requests.filter((r) => r.form.phone === recipient.e164)).toHaveLength(1);
  });
});

describe("a gateway that never recovers", () => {
  let gateway: FakeHttpServer;
  let t: TestApp;
  beforeAll(async () => {
    gateway = await startFakeHttpServer(() => ({ status: 503, json: { error: "down" } }));
    t = await createTestApp({ env: { SMS_PROVIDER: "http", SMS_HTTP_URL: `${gateway.origin}/send` } });
  });
  afterAll(async () => {
    await t?.close();
    await gateway?.close();
  });

  it("ends with the SMS dead after the last attempt, and the buyer sees it could not be delivered", async () => {
    const recipient = randomMobile();
    const buyer = await insertTestCustomer(t);
    const { event, category } = await createTestEvent(t);
    await t.call(
      "POST",
      "/api/v1/tickets/book/",
      {
        event_id: event.id,
        items: [{ category_id: category.id, quantity: 1, assignees: [{ mobile_number: recipient.local }] }],
      },
      buyer.access,
    );
    for (let i = 0; i < 10; i++) {
      await t.deliverAll();
      t.clock.advance(2 * HOUR);
    }
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, recipient.e164));
    expect(row).toMatchObject({ status: "dead", attempts: row?.maxAttempts, sealedSecret: null });
    expect(row?.lastError).toContain("503");
    expect(gateway.requests.filter((r) => r.form.phone === recipient.e164)).toHaveLength(row?.maxAttempts ?? -1);

    const session = await startSession(t.runtime.deps, t.database.db, buyer.customer);
    const sent = (await t.call("GET", "/api/v1/users/tickets/", undefined, session.access)).json().sent;
    expect(sent[0]).toMatchObject({ claim_status: "pending", delivery: { sms: "dead", email: "none" } });
  });
});
