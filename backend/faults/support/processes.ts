import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: processes start there, as `npm start` and `npm run worker` do. */
export const repoRoot = resolve(fileURLToPath(new URL("../../..", import.meta.url)));

/** Fixed secrets shared by the test and the processes it starts, so it can sign webhooks and mint sessions. */
export const FAULT_JWT_SECRET = "fault-suite-jwt-secret-0123456789-abcdefghij";
export const FAULT_WEBHOOK_SECRET = "whsec_fault_suite_0123456789";

const MAX_OUTPUT_LINES = 4_000;

export interface ManagedProcess {
  name: string;
  child: ChildProcess;
  /** stdout and stderr lines, prefixed with the process name; the newest MAX_OUTPUT_LINES. */
  output: string[];
  /** Set once the process has exited (code, or the signal that ended it). */
  exit?: { code: number | null; signal: NodeJS.Signals | null };
  exited: Promise<void>;
  /** Sends a signal and waits (bounded) for the process to go. */
  kill(signal?: NodeJS.Signals, waitMs?: number): Promise<void>;
}

export interface ServerProcess extends ManagedProcess {
  origin: string;
  port: number;
}

/** A TCP port on 127.0.0.1 that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** The environment every process starts from: only what Node needs, never the test runner's own variables. */
function baseEnv(databaseUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl,
    NODE_ENV: "development",
    JWT_SECRET: FAULT_JWT_SECRET,
    PAYMENT_WEBHOOK_SECRET: FAULT_WEBHOOK_SECRET,
    RATE_LIMIT_SCALE: "100000",
    // The suite's buyers buy far more than a person would; the limits have their own tests.
    FREE_TICKETS_PER_BUYER: "100",
    GIFT_NUMBERS_PER_DAY: "10000",
    LOG_LEVEL: "warn",
    DEMO_DATA: "false",
    // Offline providers unless a scenario points them at its fakes; set here so that a developer's .env
    // (read by the processes, never overriding what is set) cannot send the suite's traffic anywhere real.
    SMS_PROVIDER: "console",
    EMAIL_HOST: "",
    PAYMENT_PROVIDER: "sandbox",
    WORKER: "true",
    // Each process counts rate limits alone unless a scenario shares them through its own Redis.
    REDIS_URL: "",
    // Unused with DATABASE_URL and JWT_SECRET set; pointed away from the repository's ./data all the same.
    DATA_DIR: "/tmp/ticketrunners-faults-unused",
  };
  for (const name of ["PATH", "HOME", "TMPDIR", "LANG", "TZ"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/** Every process this module started and has not seen exit; `stopAll` ends them. */
const live = new Set<ManagedProcess>();

function spawnManaged(name: string, script: string, env: Record<string, string>): ManagedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const record = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (line.trim() === "") continue;
      output.push(`[${name}] ${line}`);
      if (output.length > MAX_OUTPUT_LINES) output.shift();
    }
  };
  child.stdout?.on("data", record);
  child.stderr?.on("data", record);
  const managed: ManagedProcess = {
    name,
    child,
    output,
    exited: new Promise<void>((done) => {
      child.once("exit", (code, signal) => {
        managed.exit = { code, signal };
        output.push(`[${name}] exited (code ${code}, signal ${signal})`);
        live.delete(managed);
        done();
      });
    }),
    async kill(signal = "SIGTERM", waitMs = 10_000) {
      if (managed.exit) return;
      child.kill(signal);
      const timer = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), waitMs).unref());
      if ((await Promise.race([managed.exited, timer])) === "timeout" && !managed.exit) {
        child.kill("SIGKILL");
        await managed.exited;
      }
    },
  };
  live.add(managed);
  return managed;
}

/**
 * `node --import tsx backend/src/server.ts` on a free port of 127.0.0.1, with the in-process worker
 * unless `WORKER=false`; resolves once GET /health answers 200.
 */
export async function startServer(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const managed = spawnManaged(name, "backend/src/server.ts", {
    ...baseEnv(databaseUrl),
    PORT: String(port),
    HOST: "127.0.0.1",
    FRONTEND_URL: origin,
    PUBLIC_API_URL: origin,
    ...env,
  });
  const server: ServerProcess = Object.assign(managed, { origin, port });
  await waitForHealth(server, 60_000);
  return server;
}

/** `node --import tsx backend/src/worker.ts`: a worker-only process sharing the database. */
export function startWorker(name: string, databaseUrl: string, env: Record<string, string> = {}): ManagedProcess {
  return spawnManaged(name, "backend/src/worker.ts", { ...baseEnv(databaseUrl), ...env });
}

export async function waitForHealth(server: ServerProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exit) throw new Error(`${server.name} exited before it was healthy:\n${server.output.join("\n")}`);
    try {
      const res = await fetch(`${server.origin}/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${server.name} was not healthy within ${timeoutMs} ms:\n${server.output.join("\n")}`);
}

/** Ends every process still running: SIGTERM, then SIGKILL after a grace period. */
export async function stopAll(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill("SIGTERM", 5_000)));
}

/** All output of the given processes, for a failed test's report. */
export function dumpOutput(processes: ManagedProcess[], lastLines = 200): string {
  return processes
    .map(
      (p) =>
        `--- ${p.name} (${p.exit ? `exited ${JSON.stringify(p.exit)}` : "running"}) ---\n${p.output.slice(-lastLines).join("\n")}`,
    )
    .join("\n");
}

export const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** Polls `check` until it returns true or `timeoutMs` passes; returns whether it became true. */
export async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, everyMs = 200): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(everyMs);
  }
  return check();
}
