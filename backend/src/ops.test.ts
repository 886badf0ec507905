import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataDirLockedError, openDatabase } from "./db/client";
import { createTestApp, randomMobile, type TestApp } from "./test-support/test-app";

describe("operations", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("reports health with the database reachable", async () => {
    const res = await t.call("GET", "/health");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "up" });
  });

  it("serves the OpenAPI description at /api/docs", async () => {
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
  let strict: TestApp;
  beforeAll(async () => {
    strict = await createTestApp({ env: { RATE_LIMIT_SCALE: "1" } });
  });
  afterAll(async () => {
    await strict?.close();
  });

  it("answers 429 in the error shape once a client logs in too often", async () => {
    const statuses: number[] = [];
    let last: { error?: { code: string; details?: { retry_after_seconds: number } } } = {};
    for (let i = 0; i < 12; i++) {
      const res = await strict.call("POST", "/api/v1/users/login/", {
        mobile_number: randomMobile().local,
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

  it("limits OTP verification per client", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const res = await strict.call("POST", "/api/v1/users/verify-otp/", {
        mobile_number: randomMobile().local,
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
