import Fastify from "fastify";
import { describe, expect, test } from "vitest";
import { loadConfig } from "../config";
import { fileResource } from "../test-support/app-test";
import { registerErrorHandling } from "./error-handler";
import { createOtpSmsLimit, perMinute, registerRateLimiting } from "./rate-limit";

// 10 × 0.3: three codes an hour per client.
const config = loadConfig({ NODE_ENV: "test", DATA_DIR: "/tmp/ticketrunners-test-unused", RATE_LIMIT_SCALE: "0.3" });

/**
 * Two routes that send codes, sharing one createOtpSmsLimit function the way the register and login routes
 * do, each with a generous limit of its own. Behind a trusted proxy on 127.0.0.1, so a test can be many clients.
 */
async function otpApp() {
  const app = Fastify({ trustProxy: ["127.0.0.1"] });
  registerErrorHandling(app);
  await registerRateLimiting(app, config);
  await app.register(async (api) => {
    const otpSmsLimit = createOtpSmsLimit(api, config);
    for (const path of ["/register", "/login"]) {
      api.post(path, { config: perMinute(config, 100), preHandler: otpSmsLimit }, async () => ({ sent: true }));
    }
  });
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  if (!address || typeof address === "string") throw new Error("not listening");
  return { app, base: `http://127.0.0.1:${address.port}` };
}

const it = test.extend(
  "otp",
  { scope: "file" },
  fileResource(otpApp, ({ app }) => app.close()),
);

async function ask(base: string, path: string, client: string) {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "x-forwarded-for": client } });
  const body = (await res.json()) as {
    error?: { code: string; message: string; details: { retry_after_seconds: number } };
  };
  return { status: res.status, error: body.error };
}

describe("createOtpSmsLimit", () => {
  it("gives a client one budget over every route that sends a code", async ({ otp: { base } }) => {
    const client = "198.51.100.1";
    const answers = [];
    for (const path of ["/register", "/login", "/register", "/login", "/register"]) {
      answers.push(await ask(base, path, client));
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429, 429]);
    const refused = answers[3]?.error;
    expect(refused?.code).toBe("RATE_LIMITED");
    expect(refused?.message).toMatch(/^Too many codes requested from this connection\. Try again in \d+ minutes\.$/);
    expect(refused?.details.retry_after_seconds).toBeGreaterThan(3_500);
    expect(refused?.details.retry_after_seconds).toBeLessThanOrEqual(3_600);
  });

  it("counts other clients apart, and an IPv6 client per /64 so rotating addresses buys nothing", async ({
    otp: { base },
  }) => {
    expect((await ask(base, "/login", "198.51.100.2")).status).toBe(200);
    const statuses = [];
    for (const address of [
      "2001:db8:5:7::1",
      "2001:db8:5:7::2",
      "2001:db8:5:7::3",
      "2001:db8:5:7:abcd::1",
      "2001:db8:5:7:ffff:ffff:ffff:ffff",
    ]) {
      statuses.push((await ask(base, "/register", address)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await ask(base, "/register", "2001:db8:5:8::1")).status).toBe(200);
  });
});
