import { createHmac } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { payments, tickets } from "../db/schema";
import { appTest, testApp } from "../test-support/app-test";
import { createEvent, insertCustomer, purchaseOf, startCheckout } from "../test-support/factories";
import type { HttpClient } from "../test-support/http-client";
import type { TestApp } from "../test-support/test-app";
import { countRows } from "../test-support/write-detector";
import { KASHIER_SIGNATURE_HEADER, kashierWebhookPayload } from "./providers/kashier";

const API_KEY = "kashier-forgery-api-key";
const it = appTest.override(
  "t",
  { scope: "file" },
  testApp({ env: { PAYMENT_PROVIDER: "kashier", KASHIER_MERCHANT_ID: "MID-FORGERY", KASHIER_API_KEY: API_KEY } }),
);

async function kashierCheckout(t: TestApp, http: HttpClient) {
  const buyer = await insertCustomer(t);
  const { category } = await createEvent(t, { priceMinor: 90_000 });
  return (await startCheckout(http, buyer.access, purchaseOf(category, 2))).transaction_id;
}

/** A webhook signed correctly over whichever keys `signatureKeys` lists, as a replayed or doctored one is. */
const postSigned = (http: HttpClient, data: Record<string, unknown>) =>
  http.request("POST", "/api/v1/payments/webhook/kashier/", {
    body: { event: "pay", data },
    headers: {
      [KASHIER_SIGNATURE_HEADER]: createHmac("sha256", API_KEY).update(kashierWebhookPayload(data)).digest("hex"),
    },
  });

const state = async (t: TestApp, paymentId: string) => ({
  status: (await t.database.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.status,
  tickets: await countRows(t.database.db, tickets, eq(tickets.paymentId, paymentId)),
});

describe("Kashier webhooks whose signature leaves out a field we act on", () => {
  const full = (paymentId: string) => ({
    merchantOrderId: paymentId,
    status: "SUCCESS",
    amount: 1_800,
    currency: "EGP",
    transactionId: `TX-${paymentId.slice(0, 6)}`,
  });

  it.for(["merchantOrderId", "status", "amount", "currency"])(
    "refuses one that does not sign %s, and issues nothing",
    async (left, { t, http }) => {
      const paymentId = await kashierCheckout(t, http);
      const data = { ...full(paymentId), amount: 1 };
      const signed = Object.keys(data).filter((k) => k !== left);
      const res = await postSigned(http, { ...data, signatureKeys: signed });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe("BAD_SIGNATURE");
      expect(await state(t, paymentId)).toEqual({ status: "pending", tickets: 0 });
    },
  );

  it("accepts the same webhook when every field it acts on is signed", async ({ t, http }) => {
    const paymentId = await kashierCheckout(t, http);
    const data = full(paymentId);
    const res = await postSigned(http, { ...data, signatureKeys: Object.keys(data) });
    expect(res.status).toBe(200);
    expect(await state(t, paymentId)).toEqual({ status: "paid", tickets: 2 });
  });
});
