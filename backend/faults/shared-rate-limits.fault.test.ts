import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import Fastify, { type FastifyInstance } from "fastify";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { loadConfig } from "../src/config";
import type { Database } from "../src/db/client";
import { registerErrorHandling } from "../src/shared/error-handler";
import { createLogger } from "../src/shared/logger";
import {
  connectRateLimitRedis,
  createOtpSmsLimit,
  type RateLimitRedis,
  registerRateLimiting,
} from "../src/shared/rate-limit";
import { createTestDatabase } from "../src/test-support/test-database";
import { type HttpResult, json, send } from "./support/http";
import { dumpOutput, freePort, type ServerProcess, sleep, startServer, stopAll, waitUntil } from "./support/processes";

const SHARED_REDIS = "redis://127.0.0.1:6379";
const WARNING = "redis is unreachable";

/**
 * An address no other run uses (the shared Redis keeps counts for up to an hour): the servers trust one
 * proxy hop, so the right-most X-Forwarded-For entry is the client.
 */
const uniqueClient = () => `100.${64 + randomInt(64)}.${randomInt(256)}.${randomInt(1, 255)}`;

let database: Database & { url?: string };
let probe: Redis;
const clients: string[] = [];

beforeAll(async () => {
  probe = new Redis(SHARED_REDIS, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 2_000 });
  await probe.connect().catch((err) => {
    throw new Error(`Redis is not answering at ${SHARED_REDIS} (start it: redis-server --daemonize yes …): ${err}`);
  });
  database = await createTestDatabase();
});

afterAll(async () => {
  await stopAll();
  // Leave the shared Redis as it was: remove this run's counters.
  for (const client of clients) {
    const keys = await probe.keys(`ticketrunners:rate-limit:*${client}*`);
    if (keys.length > 0) await probe.del(...keys);
  }
  probe?.disconnect();
  await database?.close();
});

const login = (server: ServerProcess, client?: string) =>
  send(`${server.origin}/api/v1/users/login/`, {
    method: "POST",
    body: {},
    headers: client ? { "x-forwarded-for": client } : {},
    timeoutMs: 10_000,
  });

const health = async (server: ServerProcess) =>
  json<{ status: string; database: string; redis?: string }>(
    await send(`${server.origin}/health`, { timeoutMs: 10_000 }),
  );

describe("two API processes with REDIS_URL", () => {
  it("share one per-client limit: 10 logins a minute in total, not 10 per process", async () => {
    const env = { REDIS_URL: SHARED_REDIS, TRUST_PROXY: "1", RATE_LIMIT_SCALE: "1", WORKER: "false" };
    const [a, b] = await Promise.all([
      startServer("api-a", database.url ?? "", env),
      startServer("api-b", database.url ?? "", env),
    ]);
    onTestFailed(() => console.log(dumpOutput([a, b])));
    expect(await health(a)).toEqual({ status: "ok", database: "up", redis: "up" });
    expect(await health(b)).toEqual({ status: "ok", database: "up", redis: "up" });

    const client = uniqueClient();
    clients.push(client);
    const answers: { server: string; status: number; code?: string }[] = [];
    for (let i = 0; i < 16; i++) {
      const server = i % 2 === 0 ? a : b;
      const res = await login(server, `203.0.113.${i}, ${client}`);
      answers.push({
        server: server.name,
        status: res.status,
        code: json<{ error: { code: string } }>(res)?.error.code,
      });
    }
    expect(answers.slice(0, 10).map((x) => x.status)).toEqual(Array(10).fill(400));
    expect(answers.slice(10).map((x) => x.status)).toEqual(Array(6).fill(429));
    expect(new Set(answers.slice(10).map((x) => x.server))).toEqual(new Set(["api-a", "api-b"]));
    expect(answers[10]?.code).toBe("RATE_LIMITED");

    // Another client behind the same proxy still has its own budget on both processes.
    const other = uniqueClient();
    clients.push(other);
    expect((await login(a, other)).status).toBe(400);
    expect((await login(b, other)).status).toBe(400);

    expect(await probe.keys(`ticketrunners:rate-limit:*${client}`)).toHaveLength(1);
  });
});

describe("Redis going away mid-run", () => {
  let redis: ChildProcess | undefined;
  const password = randomBytes(12).toString("hex");
  let port: number;

  const startRedis = async () => {
    redis = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--requirepass", password],
      { stdio: "ignore" },
    );
    const check = new Redis({ port, password, lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    check.on("error", () => {});
    const up = await waitUntil(
      () =>
        check.connect().then(
          () => true,
          () => false,
        ),
      10_000,
      100,
    );
    check.disconnect();
    if (!up) throw new Error(`redis-server did not start on port ${port}`);
  };

  afterAll(() => {
    redis?.kill("SIGCONT");
    redis?.kill("SIGKILL");
  });

  it("serves every request unlimited, warns once, reports it on /health, and limits again when it is back", async () => {
    port = await freePort();
    await startRedis();
    const server = await startServer("api-c", database.url ?? "", {
      REDIS_URL: `redis://:${password}@127.0.0.1:${port}`,
      RATE_LIMIT_SCALE: "1",
      WORKER: "false",
    });
    onTestFailed(() => console.log(dumpOutput([server])));
    const warnings = () => server.output.filter((line) => line.includes(WARNING)).length;
    const logins = async (n: number) => {
      const results: HttpResult[] = [];
      for (let i = 0; i < n; i++) results.push(await login(server));
      return results;
    };

    expect(await health(server)).toEqual({ status: "ok", database: "up", redis: "up" });
    expect((await logins(11)).map((r) => r.status)).toEqual([...Array(10).fill(400), 429]);

    redis?.kill("SIGKILL");
    await new Promise((done) => redis?.once("exit", done));
    const during = await logins(20);
    // Fail open: the limit is not enforced, and nothing errors or waits on the missing Redis.
    expect(during.map((r) => r.status)).toEqual(Array(20).fill(400));
    expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(1_500);
    expect((await send(`${server.origin}/api/v1/public/events/`)).status).toBe(200);
    expect(await health(server)).toEqual({ status: "ok", database: "up", redis: "down" });
    // The client keeps reconnecting (and failing) in the background: still one warning for the outage.
    await sleep(3_000);
    expect(await logins(3)).toHaveLength(3);
    expect(warnings()).toBe(1);

    await startRedis();
    expect(await waitUntil(async () => (await health(server))?.redis === "up", 10_000)).toBe(true);
    expect((await logins(11)).map((r) => r.status)).toEqual([...Array(10).fill(400), 429]);

    // A Redis that hangs (stopped, connection open) costs a request at most the command timeout.
    redis?.kill("SIGSTOP");
    const hung = await logins(5);
    expect(hung.map((r) => r.status)).toEqual(Array(5).fill(400));
    expect(Math.max(...hung.map((r) => r.ms))).toBeLessThan(2_000);
    expect((await health(server))?.redis).toBe("down");
    redis?.kill("SIGCONT");

    redis?.kill("SIGKILL");
    await new Promise((done) => redis?.once("exit", done));
    expect(await waitUntil(async () => warnings() === 2, 5_000)).toBe(true);

    expect(server.exit).toBeUndefined();
    expect(server.output.join("\n")).not.toContain(password);
  });
});

describe("createOtpSmsLimit over Redis", () => {
  const config = loadConfig({
    NODE_ENV: "test",
    DATA_DIR: "/tmp/ticketrunners-faults-unused",
    RATE_LIMIT_SCALE: "0.3",
  });
  const apps: { app: FastifyInstance; redis: RateLimitRedis; base: string }[] = [];

  /** What the lead's register and login routes do: one createOtpSmsLimit function on both. */
  async function otpApp(url: string) {
    const redis = connectRateLimitRedis(url, createLogger("silent"));
    const app = Fastify({ trustProxy: ["127.0.0.1"] });
    registerErrorHandling(app);
    await registerRateLimiting(app, config, redis.client);
    await app.register(async (api) => {
      const otpSmsLimit = createOtpSmsLimit(api, config);
      api.post("/register", { preHandler: otpSmsLimit }, async () => ({ sent: true }));
      api.post("/login", { preHandler: otpSmsLimit }, async () => ({ sent: true }));
    });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    if (!address || typeof address === "string") throw new Error("not listening");
    const entry = { app, redis, base: `http://127.0.0.1:${address.port}` };
    apps.push(entry);
    return entry;
  }

  afterAll(async () => {
    for (const { app, redis } of apps) {
      await app.close();
      await redis.close();
    }
  });

  it("is one budget per client across routes and across instances (10 × RATE_LIMIT_SCALE an hour)", async () => {
    const [a, b] = [await otpApp(SHARED_REDIS), await otpApp(SHARED_REDIS)];
    await waitUntil(async () => (await a?.redis.status()) === "up" && (await b?.redis.status()) === "up", 5_000);
    const client = uniqueClient();
    clients.push(client);
    const statuses: number[] = [];
    for (const [app, path] of [
      [a, "/register"],
      [b, "/login"],
      [b, "/register"],
      [a, "/login"],
      [b, "/register"],
    ] as const) {
      statuses.push(
        (await send(`${app?.base}${path}`, { method: "POST", headers: { "x-forwarded-for": client } })).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it("lets codes through while Redis is unreachable", async () => {
    const nowhere = await otpApp(`redis://127.0.0.1:${await freePort()}`);
    const results: HttpResult[] = [];
    for (let i = 0; i < 6; i++) results.push(await send(`${nowhere.base}/register`, { method: "POST" }));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(await nowhere.redis.status()).toBe("down");
  });
});
