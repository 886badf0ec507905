import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from "vitest";
import { DEVELOPMENT_ONLY_ROUTES } from "../src/test-support/test-app";
import { freePort, repoRoot, sleep } from "./support/processes";

// The bundle `npm start` and the Docker image run, started the way production starts it: NODE_ENV=production,
// settings only from the environment (the working directory is an empty temp dir, so no .env is read).
const server = join(repoRoot, "backend/dist/server.mjs");

const secrets = {
  JWT_SECRET: "prod-start-jwt-secret-0123456789-abcdefghij",
  PAYMENT_WEBHOOK_SECRET: "whsec_prod_start_0123456789",
  KASHIER_API_KEY: "kashier-api-key-prod-start",
  METRICS_TOKEN: "metrics-token-prod-start-0123456789",
  SMS_HTTP_TOKEN: "sms-token-prod-start-0123456789",
  TICKET_SIGNING_KEY: Buffer.alloc(32, 3).toString("base64url"),
};

let workDir: string;
let dataDir: string;

/** Complete production settings: every refusal satisfied, gateways pointed at nothing on 127.0.0.1. */
function productionEnv(port: number): Record<string, string> {
  const origin = `http://127.0.0.1:${port}`;
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? workDir,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    FRONTEND_URL: origin,
    DATA_DIR: dataDir,
    SMS_PROVIDER: "http",
    SMS_HTTP_URL: "http://127.0.0.1:9/sms",
    EMAIL_HOST: "127.0.0.1",
    EMAIL_PORT: "9",
    PAYMENT_PROVIDER: "kashier",
    KASHIER_MERCHANT_ID: "MID-prod-start",
    WORKER: "false",
    ...secrets,
  };
}

/** `env` with each variable of `change` set, or removed where it is undefined. */
function withChange(env: Record<string, string>, change: Record<string, string | undefined>): Record<string, string> {
  const result = { ...env };
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined) delete result[name];
    else result[name] = value;
  }
  return result;
}

interface Run {
  child: ChildProcess;
  stdout: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [server], { cwd: workDir, env, stdio: ["ignore", "pipe", "pipe"] });
  const run: Run = {
    child,
    stdout: [],
    stderr: [],
    exited: new Promise((done) => child.once("exit", (code) => done(code))),
  };
  child.stdout?.on("data", (chunk: Buffer) => run.stdout.push(chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => run.stderr.push(chunk.toString("utf8")));
  return run;
}

async function waitForHealth(run: Run, origin: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  let exited = false;
  void run.exited.then(() => {
    exited = true;
  });
  while (Date.now() < deadline && !exited) {
    const res = await fetch(`${origin}/health`, { signal: AbortSignal.timeout(2_000) }).catch(() => undefined);
    if (res?.status === 200) return;
    await sleep(100);
  }
  throw new Error(`the server did not become healthy:\n${run.stdout.join("")}${run.stderr.join("")}`);
}

async function stop(run: Run): Promise<number | null> {
  run.child.kill("SIGTERM");
  const timeout = sleep(20_000).then(() => "timeout" as const);
  if ((await Promise.race([run.exited, timeout])) === "timeout") run.child.kill("SIGKILL");
  return run.exited;
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "tr-prod-start-"));
  dataDir = join(workDir, "data");
  // Always rebuilt: a stale bundle would test yesterday's code.
  const build = spawnSync("npm", ["run", "build", "-w", "@ticketrunners/backend"], { cwd: repoRoot, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`backend build failed:\n${build.stdout}\n${build.stderr}`);
});

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe("the built server in production", () => {
  it.each([
    ["PAYMENT_PROVIDER=sandbox", { PAYMENT_PROVIDER: "sandbox" }, "PAYMENT_PROVIDER"],
    ["no PAYMENT_PROVIDER (the default is the sandbox)", { PAYMENT_PROVIDER: undefined }, "PAYMENT_PROVIDER"],
    ["TRUST_PROXY=true", { TRUST_PROXY: "true" }, "TRUST_PROXY"],
    ["no METRICS_TOKEN", { METRICS_TOKEN: undefined }, "METRICS_TOKEN"],
    ["an empty METRICS_TOKEN", { METRICS_TOKEN: "" }, "METRICS_TOKEN"],
    ["no TICKET_SIGNING_KEY", { TICKET_SIGNING_KEY: undefined }, "TICKET_SIGNING_KEY"],
    [
      "a TICKET_SIGNING_KEY that is not a 32-byte seed",
      { TICKET_SIGNING_KEY: "hunter2-signing-key" },
      "TICKET_SIGNING_KEY",
    ],
  ])("refuses to start with %s: exit 1, one stderr line naming the variable", async (_what, change, name) => {
    const run = start(withChange(productionEnv(await freePort()), change));
    onTestFailed(() => console.log(run.stdout.join(""), run.stderr.join("")));
    const code = await Promise.race([run.exited, sleep(30_000).then(() => "still running" as const)]);
    if (code === "still running") await stop(run);
    expect(code).toBe(1);
    const lines = run.stderr.join("").split("\n").filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(run.stdout.join("")).toBe("");
    for (const value of [...Object.values(secrets), "hunter2-signing-key"]) expect(lines[0]).not.toContain(value);
  });

  it("starts with complete settings and mounts nothing of the sandbox or the dev inbox", async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const run = start(productionEnv(port));
    onTestFailed(() => console.log(run.stdout.join(""), run.stderr.join("")));
    await waitForHealth(run, origin);

    const health = await fetch(`${origin}/health`);
    expect(await health.json()).toEqual({ status: "ok", database: "up" });
    expect(health.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");

    // DEMO_DATA defaults to off in production: no demo events on the fresh database.
    expect(await (await fetch(`${origin}/api/v1/public/events/`)).json()).toEqual([]);

    for (const [method, path] of DEVELOPMENT_ONLY_ROUTES) {
      const res = await fetch(`${origin}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.headers.get("content-security-policy"), `${method} ${path}`).toContain("frame-ancestors 'none'");
    }

    expect((await fetch(`${origin}/metrics`)).status).toBe(401);
    const metrics = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${secrets.METRICS_TOKEN}` } });
    expect(metrics.status).toBe(200);

    expect(await stop(run)).toBe(0);
    const output = run.stdout.join("") + run.stderr.join("");
    expect(output).toContain("TicketRunners is ready");
    expect(output).not.toContain("dev inbox");
    for (const value of Object.values(secrets)) expect(output).not.toContain(value);
  });

  it("serves the sandbox and dev inbox stylesheets from the bundle in development", async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const run = start(
      withChange(productionEnv(port), {
        NODE_ENV: "development",
        PAYMENT_PROVIDER: undefined,
        METRICS_TOKEN: undefined,
        DEMO_DATA: "false",
      }),
    );
    onTestFailed(() => console.log(run.stdout.join(""), run.stderr.join("")));
    await waitForHealth(run, origin);
    for (const path of ["/payments/sandbox/checkout.css", "/dev/inbox.css"]) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("content-type"), path).toBe("text/css; charset=utf-8");
      expect((await res.text()).length, path).toBeGreaterThan(100);
    }
    expect(await stop(run)).toBe(0);
  });
});
