import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { DataDirLockedError, openDatabase } from "../db/client";
import { notifications } from "../db/schema";
import { queueMessage } from "../notifications/outbox";
import { appTest, testApp } from "../test-support/app-test";
import { createEvent, insertCustomer, insertOperator, purchaseOf, startCheckout } from "../test-support/factories";
import { uniqueMobile } from "../test-support/phone-numbers";

const it = appTest.extend("strict", { scope: "file" }, testApp({ env: { RATE_LIMIT_SCALE: "1" } }));

describe("operations", () => {
  it("reports health with the database reachable", async ({ t }) => {
    const res = await t.call("GET", "/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "up" });
  });

  it("serves the OpenAPI description at /api/docs", async ({ t }) => {
    const res = await t.call("GET", "/api/docs/json");
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/users/register/", "/api/v1/users/verify-login-otp/", "/api/v1/users/me/"]),
    );
    expect((await t.call("GET", "/api/docs")).statusCode).toBeLessThan(400);
  });
});

describe("rate limits", () => {
  it("answers 429 in the error shape once a client logs in too often", async ({ strict }) => {
    const statuses: number[] = [];
    let last: { error?: { code: string; details?: { retry_after_seconds: number } } } = {};
    for (let i = 0; i < 12; i++) {
      const res = await strict.call("POST", "/api/v1/users/login/", {
        mobile_number: uniqueMobile().local,
        password: "whatever-password",
      });
      statuses.push(res.statusCode);
      last = res.json();
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    expect(last.error?.code).toBe("RATE_LIMITED");
    expect(last.error?.details?.retry_after_seconds).toBeGreaterThan(0);
  });

  it("cannot be dodged with a forged X-Forwarded-For when no proxy is trusted", async ({ strict }) => {
    const answers: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await strict.app.inject({
        method: "POST",
        url: "/api/v1/users/complete-registration/",
        headers: { "x-forwarded-for": `203.0.113.${i}` },
        payload: { mobile_number: uniqueMobile().local, password: "a strong password" },
      });
      answers.push(res.statusCode);
    }
    expect(answers.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(answers.slice(10)).toEqual([429, 429]);
  });

  it("limits OTP verification per client", async ({ strict }) => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await strict.call("POST", "/api/v1/users/verify-otp/", {
        mobile_number: uniqueMobile().local,
        otp_code: "123456",
      });
      codes.push(res.statusCode);
    }
    expect(codes.filter((c) => c === 429)).toHaveLength(2);
  });
});

describe("the PGlite data directory", () => {
  it("refuses to open a data directory another process holds", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tr-lock-"));
    const { writeFileSync } = await import("node:fs");
    // PID 1 is always alive and never ours.
    writeFileSync(join(dir, "pglite.lock"), "1");
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dir = mkdtempSync(join(tmpdir(), "tr-lock-"));
    const { writeFileSync } = await import("node:fs");
    writeFileSync(join(dir, "pglite.lock"), "999999999");
    const database = await openDatabase({ dataDir: dir });
    await database.close();
  });
});

describe("the operator API and metrics", () => {
  it("is closed to customers and to strangers", async ({ t }) => {
    const customer = await insertCustomer(t);
    expect((await t.call("GET", "/api/v1/admin/notifications/", undefined, customer.access)).statusCode).toBe(403);
    expect((await t.call("GET", "/api/v1/admin/payments/")).statusCode).toBe(401);
  });

  it("lists dead messages and puts one back in the queue, which then delivers it", async ({ t }) => {
    const admin = await insertOperator(t);
    await queueMessage(t.runtime.deps, t.database.db, {
      channel: "email",
      recipient: "ops-retry@example.com",
      template: "welcome",
      locale: "en",
      subject: "Hello",
      body: "Plain message",
      dedupeKey: `ops-retry:${Date.now()}`,
    });
    await t.database.db
      .update(notifications)
      .set({ status: "dead", attempts: 8, lastError: "SMTP 550" })
      .where(eq(notifications.recipient, "ops-retry@example.com"));
    const list = await t.call("GET", "/api/v1/admin/notifications/?status=dead", undefined, admin.access);
    const dead = list.json().notifications.find((n: { recipient: string }) => n.recipient === "ops-retry@example.com");
    expect(dead).toMatchObject({ status: "dead", last_error: "SMTP 550", attempts: 8 });

    const retry = await t.call("POST", `/api/v1/admin/notifications/${dead.id}/retry/`, undefined, admin.access);
    expect(retry.statusCode).toBe(202);
    await t.deliverAll();
    expect(await t.inbox("ops-retry@example.com")).toHaveLength(1);
    const again = await t.call("POST", `/api/v1/admin/notifications/${dead.id}/retry/`, undefined, admin.access);
    expect(again.json().error.code).toBe("NOT_DEAD");
  });

  it("refuses to retry a dead message whose one-time secret was erased", async ({ t }) => {
    const admin = await insertOperator(t);
    const { e164, local } = uniqueMobile();
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Unlucky" });
    await t.database.db
      .update(notifications)
      .set({ status: "dead", sealedSecret: null })
      .where(eq(notifications.recipient, e164));
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, e164));
    const res = await t.call("POST", `/api/v1/admin/notifications/${row?.id}/retry/`, undefined, admin.access);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe("SECRET_EXPIRED");
  });

  it("lists payments by status", async ({ t }) => {
    const admin = await insertOperator(t);
    const buyer = await insertCustomer(t);
    const { category } = await createEvent(t, { priceMinor: 25_000 });
    const checkout = await startCheckout(t, buyer.access, purchaseOf(category, 1));
    const pending = (await t.call("GET", "/api/v1/admin/payments/?status=pending", undefined, admin.access)).json();
    expect(pending.payments.map((p: { id: string }) => p.id)).toContain(checkout.transaction_id);
    const bad = await t.call("GET", "/api/v1/admin/payments/?status=lost", undefined, admin.access);
    expect(bad.statusCode).toBe(400);
  });

  it("exposes queue depth, deliveries, webhook outcomes and request durations at /metrics", async ({ t }) => {
    await queueMessage(t.runtime.deps, t.database.db, {
      channel: "sms",
      recipient: "+201000000001",
      template: "test",
      locale: "en",
      body: "metrics",
      dedupeKey: `metrics:${Date.now()}`,
    });
    await t.app.inject({
      method: "POST",
      url: "/api/v1/payments/webhook/sandbox/",
      headers: { "content-type": "application/json" },
      payload: "{}",
    });
    const before = (await t.call("GET", "/metrics")).body;
    expect(before).toMatch(/ticketrunners_outbox_messages\{status="queued"\} [1-9]/);
    expect(before).toContain('ticketrunners_payment_webhooks_total{provider="sandbox",outcome="bad_signature"} 1');
    expect(before).toMatch(
      /ticketrunners_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/payments\/webhook\/:provider\/",status="401"\} 1/,
    );
    await t.deliverAll();
    const after = (await t.call("GET", "/metrics")).body;
    expect(after).toMatch(/ticketrunners_notification_deliveries_total\{channel="sms",outcome="sent"\} [1-9]/);
    expect(after).toContain('ticketrunners_outbox_messages{status="queued"} 0');
  });
});
