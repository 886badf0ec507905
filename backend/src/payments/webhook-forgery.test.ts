import { createHmac } from "node:crypto";
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, tickets } from "../db/schema";
import { type HttpClient, serveOverHttp } from "../test-support/http-client";
import { createTestApp, createTestEvent, insertTestCustomer, type TestApp } from "../test-support/test-app";
import { KASHIER_SIGNATURE_HEADER, kashierWebhookPayload } from "./providers/kashier";

const API_KEY = "kashier-forgery-api-key";
let t: TestApp;
let http: HttpClient;
beforeAll(async () => {
  t = await createTestApp({
    env: { PAYMENT_PROVIDER: "kashier", KASHIER_MERCHANT_ID: "MID-FORGERY", KASHIER_API_KEY: API_KEY },
  });
  http = await serveOverHttp(t);
});
afterAll(async () => {
  await t?.close();
});

async function kashierCheckout() {
  const buyer = await insertTestCustomer(t);
  const { event, category } = await createTestEvent(t, { priceMinor: 90_000 });
  const res = await http.post(
    "/api/v1/payments/process/",
    { event_id: event.id, items: [{ category_id: category.id, quantity: 2 }] },
    buyer.access,
  );
  expect(res.status).toBe(201);
  return res.body.transaction_id as string;
}

/** A webhook signed correctly over whichever keys `signatureKeys` lists, as a replayed or doctored one is. */
const postSigned = (data: Record<string, unknown>) =>
  http.request("POST", "/api/v1/payments/webhook/kashier/", {
    body: { event: "pay", data },
    headers: {
      [KASHIER_SIGNATURE_HEADER]: createHmac("sha256", API_KEY).update(kashierWebhookPayload(data)).digest("hex"),
    },
  });

const state = async (paymentId: string) => ({
  status: (await t.database.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.status,
  tickets: Number(
    (await t.database.db.select({ n: count() }).from(tickets).where(eq(tickets.paymentId, paymentId)))[0]?.n,
  ),
});

describe("Kashier webhooks whose signature leaves out a field we act on", () => {
  const full = (paymentId: string) => ({
    merchantOrderId: paymentId,
    status: "SUCCESS",
    amount: 1_800,
    currency: "EGP",
    transactionId: `TX-${paymentId.slice(0, 6)}`,
  });

  it.each(["merchantOrderId", "status", "amount", "currency"])(
    "refuses one that does not sign %s, and issues nothing",
    async (left) => {
      const paymentId = await kashierCheckout();
      const data = { ...full(paymentId), amount: 1 };
      const signed = Object.keys(data).filter((k) => k !== left);
      const res = await postSigned({ ...data, signatureKeys: signed });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("BAD_SIGNATURE");
      expect(await state(paymentId)).toEqual({ status: "pending", tickets: 0 });
    },
  );

  it("accepts the same webhook when every field it acts on is signed", async () => {
    const paymentId = await kashierCheckout();
    const data = full(paymentId);
    const res = await postSigned({ ...data, signatureKeys: Object.keys(data) });
    expect(res.status).toBe(200);
    expect(await state(paymentId)).toEqual({ status: "paid", tickets: 2 });
  });
});
