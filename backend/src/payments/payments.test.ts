import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { notifications, payments, tickets, webhookEvents } from "../db/schema";
import { appTest, testApp } from "../test-support/app-test";
import { createEvent, insertCustomer, purchaseOf, sandboxWebhook, startCheckout } from "../test-support/factories";
import type { TestApp } from "../test-support/test-app";
import { countRows } from "../test-support/write-detector";
import { kashierOrderHash, kashierProvider, kashierRedirectPayload, kashierWebhookPayload } from "./providers/kashier";
import { SANDBOX_SIGNATURE_HEADER, type SandboxWebhookBody, sandboxSecret } from "./providers/sandbox";

const SECRET = "whsec_test_secret_value";
const it = appTest.override("t", { scope: "file" }, testApp({ env: { PAYMENT_WEBHOOK_SECRET: SECRET } }));

const hmac = (key: string, message: string) => createHmac("sha256", key).update(message).digest("hex");

async function checkout(t: TestApp, quantity = 2) {
  const buyer = await insertCustomer(t, { name: "Webhook Buyer", email: "buyer@example.com" });
  const { category } = await createEvent(t, { capacity: 10, priceMinor: 40_000 });
  const { transaction_id, checkout_url } = await startCheckout(t, buyer.access, purchaseOf(category, quantity));
  return { buyer, category, paymentId: transaction_id, checkoutUrl: checkout_url };
}

/** A webhook signed the way the sandbox gateway signs it, computed here independently. */
function signedSandboxWebhook(t: TestApp, body: SandboxWebhookBody, secret = SECRET) {
  const { raw, headers } = sandboxWebhook(body, { secret, at: t.clock.now() });
  return { raw, signature: headers[SANDBOX_SIGNATURE_HEADER] as string };
}

const postWebhook = (t: TestApp, raw: string, signature?: string) =>
  t.app.inject({
    method: "POST",
    url: "/api/v1/payments/webhook/sandbox/",
    headers: { "content-type": "application/json", ...(signature ? { [SANDBOX_SIGNATURE_HEADER]: signature } : {}) },
    payload: raw,
  });

const ticketCount = (t: TestApp, paymentId: string) =>
  countRows(t.database.db, tickets, eq(tickets.paymentId, paymentId));

describe("payment confirmation", () => {
  it("issues one set of tickets for 20 concurrent copies of a webhook plus the browser's redirect", async ({ t }) => {
    const { buyer, paymentId } = await checkout(t, 2);
    const body: SandboxWebhookBody = {
      event_id: "evt_storm_1",
      transaction_id: paymentId,
      status: "paid",
      reference: "sbx_ref_1",
      amount_minor: 80_000,
      currency: "EGP",
    };
    const { raw, signature } = signedSandboxWebhook(t, body);
    const redirect = {
      transaction_id: paymentId,
      status: "paid",
      reference: "sbx_ref_1",
      signature: hmac(SECRET, `${paymentId}.paid.sbx_ref_1`),
    };
    const results = await Promise.all([
      ...Array.from({ length: 20 }, () => postWebhook(t, raw, signature)),
      t.call("POST", "/api/v1/payments/confirm/", { transaction_id: paymentId, params: redirect }, buyer.access),
    ]);
    expect(results.map((r) => r.statusCode)).toEqual(Array(21).fill(200));
    expect(results.filter((r) => r.json().duplicate === false)).toHaveLength(1);
    expect(await ticketCount(t, paymentId)).toBe(2);
    const queued = await t.database.db.select().from(notifications).where(eq(notifications.paymentId, paymentId));
    expect(queued.map((n) => n.template)).toEqual(["purchase-confirmation"]);

    const status = await t.call("GET", `/api/v1/payments/${paymentId}/status/`, undefined, buyer.access);
    expect(status.json()).toMatchObject({ status: "paid", ticket_count: 2, amount_minor: 80_000 });
  });

  it("lets the redirect win when it arrives first, and the later webhook changes nothing", async ({ t }) => {
    const { buyer, paymentId } = await checkout(t, 1);
    const signature = hmac(SECRET, `${paymentId}.paid.sbx_ref_2`);
    const confirm = await t.call(
      "POST",
      "/api/v1/payments/confirm/",
      {
        transaction_id: paymentId,
        params: { transaction_id: paymentId, status: "paid", reference: "sbx_ref_2", signature },
      },
      buyer.access,
    );
    expect(confirm.json()).toMatchObject({ status: "paid", ticket_count: 1 });
    const hook = signedSandboxWebhook(t, {
      event_id: "evt_late",
      transaction_id: paymentId,
      status: "paid",
      reference: "sbx_ref_2",
      amount_minor: 40_000,
      currency: "EGP",
    });
    expect((await postWebhook(t, hook.raw, hook.signature)).statusCode).toBe(200);
    expect(await ticketCount(t, paymentId)).toBe(1);
  });

  it("rejects unsigned, mis-signed and tampered webhooks with 401 and changes nothing", async ({ t }) => {
    const { paymentId } = await checkout(t, 1);
    const body: SandboxWebhookBody = {
      event_id: "evt_forged",
      transaction_id: paymentId,
      status: "paid",
      reference: "x",
      amount_minor: 40_000,
      currency: "EGP",
    };
    const good = signedSandboxWebhook(t, body);
    const attempts = [
      postWebhook(t, good.raw),
      postWebhook(t, good.raw, good.signature.replace(/v1=.{4}/, "v1=0000")),
      postWebhook(t, good.raw.replace("40000", "1"), good.signature),
      postWebhook(t, good.raw, signedSandboxWebhook(t, body, "another-secret").signature),
      postWebhook(t, good.raw, `t=${Math.floor(t.clock.now().getTime() / 1000) - 3600},v1=${hmac(SECRET, "x")}`),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe("BAD_SIGNATURE");
    }
    const [payment] = await t.database.db.select().from(payments).where(eq(payments.id, paymentId));
    expect(payment?.status).toBe("pending");
    expect(await ticketCount(t, paymentId)).toBe(0);
    const recorded = await t.database.db.select().from(webhookEvents).where(eq(webhookEvents.eventId, "evt_forged"));
    expect(recorded).toHaveLength(0);
  });

  it("refuses a redirect whose signature does not match", async ({ t }) => {
    const { buyer, paymentId } = await checkout(t, 1);
    const res = await t.call(
      "POST",
      "/api/v1/payments/confirm/",
      {
        transaction_id: paymentId,
        params: { transaction_id: paymentId, status: "paid", reference: "r", signature: "00" },
      },
      buyer.access,
    );
    expect(res.statusCode).toBe(401);
    expect(await ticketCount(t, paymentId)).toBe(0);
  });

  it("gives the seats of a declined payment back", async ({ t }) => {
    const { buyer, paymentId, category } = await checkout(t, 2);
    const declined = signedSandboxWebhook(t, {
      event_id: "evt_decl",
      transaction_id: paymentId,
      status: "failed",
      reference: "r",
      amount_minor: 80_000,
      currency: "EGP",
    });
    expect((await postWebhook(t, declined.raw, declined.signature)).json()).toMatchObject({ outcome: "failed" });
    const event = (await t.call("GET", `/api/v1/public/events/${category.eventId}/`)).json();
    expect(event.categories[0].remaining).toBe(10);
    const status = await t.call("GET", `/api/v1/payments/${paymentId}/status/`, undefined, buyer.access);
    expect(status.json().status).toBe("failed");
  });

  it("serves the sandbox checkout page and redirects back with a signed result", async ({ t }) => {
    const { buyer, paymentId, checkoutUrl } = await checkout(t, 1);
    const page = await t.app.inject({ method: "GET", url: new URL(checkoutUrl).pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Pay");
    // As the browser submits the page's form.
    const pay = await t.app.inject({
      method: "POST",
      url: `/payments/sandbox/checkout/${paymentId}/pay`,
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "",
    });
    expect(pay.statusCode).toBe(303);
    const location = new URL(pay.headers.location as string);
    expect(location.pathname).toBe("/payments/confirmation");
    const params = Object.fromEntries(location.searchParams);
    const confirmed = await t.call(
      "POST",
      "/api/v1/payments/confirm/",
      { transaction_id: paymentId, params },
      buyer.access,
    );
    expect(confirmed.json()).toMatchObject({ status: "paid", ticket_count: 1 });
    expect(sandboxSecret(t.runtime.deps.config)).toBe(SECRET);
  });
});

describe("Kashier signatures", () => {
  it("computes the order hash as Kashier documents it", () => {
    // Kashier's published example: /?payment=mid-0-1.99.20.EGP with secret 11111.
    expect(kashierOrderHash({ merchantId: "mid-0-1", orderId: "99", amount: "20", currency: "EGP" }, "11111")).toBe(
      "606a8a1307d64caf4e2e9bb724738f115a8972c27eccb2a8acd9194c357e4bec",
    );
    const provider = kashierProvider({
      merchantId: "MID-1-2",
      apiKey: "kashier-api-key",
      baseUrl: "https://payments.kashier.io",
      mode: "test",
      redirectUrl: "http://tickets.test/payments/confirmation",
      webhookUrl: "http://tickets.test/api/v1/payments/webhook/kashier/",
    });
    const url = new URL(
      provider.checkoutUrl({
        id: "0b6f0d1e-8a1c-4a55-9a3e-2f7d7c1f2a10",
        amountMinor: 35_050,
        currency: "EGP",
        locale: "en",
      } as never),
    );
    expect(url.searchParams.get("amount")).toBe("350.50");
    expect(url.searchParams.get("hash")).toBe(
      hmac("kashier-api-key", "/?payment=MID-1-2.0b6f0d1e-8a1c-4a55-9a3e-2f7d7c1f2a10.350.50.EGP"),
    );
  });

  it("accepts a webhook signed over the sorted signature keys and rejects a tampered one", () => {
    const provider = kashierProvider({
      merchantId: "MID-1-2",
      apiKey: "kashier-api-key",
      baseUrl: "https://payments.kashier.io",
      mode: "test",
      redirectUrl: "",
      webhookUrl: "",
    });
    const data = {
      merchantOrderId: "0b6f0d1e-8a1c-4a55-9a3e-2f7d7c1f2a10",
      status: "SUCCESS",
      amount: 350.5,
      currency: "EGP",
      transactionId: "TX-123",
      method: "card",
      cardBrand: "Visa (Test)",
      signatureKeys: ["transactionId", "status", "merchantOrderId", "amount", "currency", "cardBrand"],
    };
    const expectedPayload =
      "amount=350.5&cardBrand=Visa%20%28Test%29&currency=EGP&merchantOrderId=0b6f0d1e-8a1c-4a55-9a3e-2f7d7c1f2a10&status=SUCCESS&transactionId=TX-123";
    expect(kashierWebhookPayload(data)).toBe(expectedPayload);
    const raw = JSON.stringify({ event: "pay", data });
    const signature = hmac("kashier-api-key", expectedPayload);
    const verdict = provider.verifyWebhook(raw, { "x-kashier-signature": signature });
    expect(verdict).toMatchObject({ status: "paid", amountMinor: 35_050, paymentId: data.merchantOrderId });
    expect(() =>
      provider.verifyWebhook(raw.replace("SUCCESS", "SUCCESS "), { "x-kashier-signature": signature }),
    ).toThrow(expect.objectContaining({ code: "BAD_SIGNATURE" }));
    expect(() => provider.verifyWebhook(raw, {})).toThrow(expect.objectContaining({ code: "BAD_SIGNATURE" }));
  });

  it("checks the redirect signature over the parameters in order, without signature and mode", () => {
    const params = {
      paymentStatus: "SUCCESS",
      cardDataToken: "",
      maskedCard: "4242XXXXXXXX4242",
      merchantOrderId: "0b6f0d1e-8a1c-4a55-9a3e-2f7d7c1f2a10",
      orderId: "KO-1",
      cardBrand: "Visa",
      orderReference: "REF-1",
      transactionId: "TX-1",
      amount: "350.50",
      currency: "EGP",
      mode: "test",
    };
    const payload =
      "paymentStatus=SUCCESS&cardDataToken=&maskedCard=4242XXXXXXXX4242&merchantOrderId=0b6f0d1e-8a1c-4a55-9a3e-2f7d7c1f2a10&orderId=KO-1&cardBrand=Visa&orderReference=REF-1&transactionId=TX-1&amount=350.50&currency=EGP";
    expect(kashierRedirectPayload(params)).toBe(payload);
    const provider = kashierProvider({
      merchantId: "M",
      apiKey: "k",
      baseUrl: "https://x.test",
      mode: "test",
      redirectUrl: "",
      webhookUrl: "",
    });
    const verdict = provider.verifyRedirect({ ...params, signature: hmac("k", payload) });
    expect(verdict).toMatchObject({ status: "paid", amountMinor: 35_050, paymentId: params.merchantOrderId });
    expect(() => provider.verifyRedirect({ ...params, amount: "1.00", signature: hmac("k", payload) })).toThrow();
  });
});
