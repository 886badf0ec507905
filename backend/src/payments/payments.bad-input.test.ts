import fc from "fast-check";
import { describe, expect } from "vitest";
import {
  encode,
  garbage,
  invalidUtf8,
  malformedJson,
  mostly,
  nastyString,
  Obj,
  objectOf,
  oversizedString,
  PROTO_KEYS,
  percentEncode,
  wrongType,
} from "../test-support/arbitraries/json";
import { purchaseBodies } from "../test-support/arbitraries/purchases";
import { API, JSON_TYPE, querySuffix, type Req, WRONG_CONTENT_TYPES } from "../test-support/arbitraries/requests";
import { FUZZ_TIMEOUT, getting, badInputTest as it, posting } from "../test-support/bad-input";
import { inserted, updated } from "../test-support/write-detector";

// The payment endpoints under generated bad input: see test-support/bad-input.ts for what every request is checked for.

describe("payments, under bad input", { timeout: FUZZ_TIMEOUT }, () => {
  it("POST /payments/process/ refuses bad input whole, and a valid checkout writes one pending payment", ({
    fuzz,
    w,
  }) =>
    fuzz(
      posting("/payments/process/", purchaseBodies(w), {
        auth: w.authHeaders,
        // One pending payment, and its seats held in each category it names.
        onSuccess: (res, written, req) => {
          expect(res.statusCode).toBe(201);
          expect(res.json()).toMatchObject({ transaction_id: expect.any(String), checkout_url: expect.any(String) });
          const { items } = JSON.parse(String(req.payload)) as { items: unknown[] };
          expect(written).toEqual({ payments: inserted(1), ticket_categories: updated(items.length) });
        },
      }),
    ));

  it("POST /payments/confirm/ never issues a ticket for an unsigned or mis-signed redirect", ({ fuzz, w }) => {
    const [sandboxPayment = "", kashierPayment = ""] = w.paymentIds;
    const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });
    const params = fc.oneof(
      fc.constant(new Obj([])),
      objectOf({
        transaction_id: fc.oneof(fc.constantFrom(...w.paymentIds), garbage),
        status: mostly(fc.constantFrom("paid", "failed")),
        reference: mostly(fc.constant("sbx_ref")),
        signature: mostly(hex),
      }),
      objectOf({
        merchantOrderId: fc.oneof(fc.constant(kashierPayment), garbage),
        paymentStatus: mostly(fc.constant("SUCCESS")),
        amount: mostly(fc.constant("250.00")),
        currency: mostly(fc.constant("EGP")),
        transactionId: mostly(fc.constant("TX-1")),
        signature: mostly(hex),
        mode: mostly(fc.constant("test")),
      }),
      fc
        .array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...PROTO_KEYS)), garbage), { maxLength: 6 })
        .map((pairs) => new Obj(pairs)),
      fc.constant(new Obj([["k".repeat(65), "v"]])),
      fc.constant(new Obj([["k", "v".repeat(513)]])),
      garbage,
    );
    return fuzz(
      posting(
        "/payments/confirm/",
        {
          transaction_id: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(sandboxPayment, kashierPayment) },
            { weight: 1, arbitrary: fc.constantFrom(...w.paymentIds) },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 2, arbitrary: garbage },
          ),
          params,
        },
        { auth: w.authHeaders },
      ),
    );
  });

  it("GET /payments/:id/status/ shows the buyer's own payments and nothing else", ({ fuzz, w }) =>
    fuzz(getting("/payments/:id/status/", { ids: w.paymentIds, auth: w.authHeaders })));

  it("POST /payments/webhook/:provider/ refuses every unsigned or mis-signed webhook and records nothing", ({
    fuzz,
    w,
    t,
  }) => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 0, maxLength: 80 });
    const provider = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("sandbox", "kashier") },
      fc.constantFrom(
        "SANDBOX",
        "Kashier",
        "booking",
        "stripe",
        "",
        "%00",
        "sandbox%00",
        "%E0%A4%A",
        "..",
        "__proto__",
      ),
      { weight: 2, arbitrary: nastyString.map(percentEncode) },
      fc.integer({ min: 30, max: 200 }).map((n) => "p".repeat(n)),
    );
    const paymentId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...w.paymentIds) }, garbage);
    const sandboxBody = objectOf({
      event_id: mostly(fc.string({ minLength: 1, maxLength: 20 })),
      transaction_id: paymentId,
      status: mostly(fc.constantFrom("paid", "failed")),
      reference: mostly(fc.constant("sbx_ref")),
      amount_minor: mostly(fc.constantFrom(25_000, 0, -1)),
      currency: mostly(fc.constant("EGP")),
    });
    const kashierData = objectOf({
      signatureKeys: fc.oneof(
        fc.array(
          fc.oneof(
            {
              weight: 4,
              arbitrary: fc.constantFrom("merchantOrderId", "status", "amount", "currency", "transactionId"),
            },
            { weight: 4, arbitrary: nastyString },
            { weight: 1, arbitrary: wrongType },
            { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS).map((k) => new Obj([[k, 1]])) },
          ),
          { maxLength: 8 },
        ),
        garbage,
      ),
      merchantOrderId: paymentId,
      status: mostly(fc.constant("SUCCESS")),
      amount: mostly(fc.constant("250.00")),
      currency: mostly(fc.constant("EGP")),
      transactionId: mostly(fc.string({ maxLength: 20 })),
    });
    const kashierBody = objectOf({ event: mostly(fc.constant("pay")), data: fc.oneof(kashierData, garbage) });
    const sandboxSignature = fc.oneof(
      hex.map((sig) => `t=${now},v1=${sig}`),
      hex.map((sig) => `t=${now - 100_000},v1=${sig}`),
      hex.map((sig) => `v1=${sig}`),
      fc.constantFrom(`t=${now}`, "t=,v1=", "t=abc,v1=def", "t=1e3,v1=x", ",,,", "=", `t=${now},v1=${"0".repeat(64)}`),
      fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
      fc.integer({ min: 1_000, max: 30_000 }).map((n) => `t=${now},v1=${"a".repeat(n)}`),
    );
    const headers = fc
      .record(
        {
          "content-type": fc.constantFrom(...WRONG_CONTENT_TYPES, "application/json", "application/json"),
          "x-sandbox-signature": sandboxSignature,
          "x-kashier-signature": fc.oneof(hex, fc.string({ unit: "grapheme-ascii", maxLength: 100 })),
        },
        { requiredKeys: [] },
      )
      .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);
    const payload = fc.oneof(
      { weight: 4, arbitrary: sandboxBody.map(encode) },
      { weight: 4, arbitrary: kashierBody.map(encode) },
      { weight: 2, arbitrary: malformedJson },
      { weight: 1, arbitrary: nastyString },
      {
        weight: 1,
        arbitrary: fc
          .tuple(kashierBody, invalidUtf8)
          .map(([b, bytes]) => Buffer.concat([Buffer.from(encode(b)), bytes])),
      },
      { weight: 1, arbitrary: oversizedString },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
    return fuzz({
      name: "POST /payments/webhook/:provider/",
      neverSucceeds: true,
      requests: fc.tuple(provider, headers, payload, querySuffix).map(
        ([name, h, body, query]): Req => ({
          method: "POST",
          url: `${API}/payments/webhook/${name}/${query}`,
          headers: h,
          ...(body === undefined ? {} : { payload: body }),
        }),
      ),
    });
  });
});

describe("webhooks that once caused a 500", () => {
  it.for([
    ["carrying a lone surrogate", '{"data":{"signatureKeys":["a"],"a":"\\ud800"}}'],
    ["whose body is null", "null"],
    ["whose signature keys hide a toString", '{"data":{"signatureKeys":[{"toString":1}]}}'],
    ["nested 10,000 deep", `{"data":{"signatureKeys":[${"[".repeat(10_000)}${"]".repeat(10_000)}]}}`],
  ])("answers an unsigned Kashier webhook %s with 401, not 500", async ([, payload], { t }) => {
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/payments/webhook/kashier/`,
      headers: JSON_TYPE,
      payload,
    });
    expect(res.statusCode).toBe(401);
  });
});
