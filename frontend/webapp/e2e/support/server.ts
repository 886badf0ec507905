import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type DevOutboxMessage, devOutboxResponseSchema } from "@ticketrunners/shared";

/** The monorepo root, found from this file so the tests run from any working directory. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const webappDist = join(repoRoot, "frontend/webapp/dist/index.html");

export interface RunningServer {
  baseUrl: string;
  /** Messages the platform produced, newest first (the development inbox). */
  outbox(): Promise<DevOutboxMessage[]>;
  /** Waits for an SMS to `to` that is not in `seen` (message ids) and returns the 6-digit code in it. */
  waitForOtp(to: string, seen?: ReadonlySet<number>): Promise<{ code: string; message: DevOutboxMessage }>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolvePort(port) : reject(new Error("no free port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The server serves the built webapp; build it if nobody has (CI builds it before the e2e tests). */
function ensureWebappBuilt() {
  if (existsSync(webappDist)) return;
  const build = spawnSync("npm", ["run", "build", "-w", "@ticketrunners/webapp"], { cwd: repoRoot, stdio: "inherit" });
  if (build.status !== 0 || !existsSync(webappDist))
    throw new Error("could not build the webapp (frontend/webapp/dist)");
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

export interface ServerOptions {
  env?: Record<string, string>;
  /** Numbers (E.164) that hold the admin role once verified by a texted code (ADMIN_MOBILE_NUMBERS). */
  adminMobileNumbers?: readonly string[];
}

/** Starts the real product (API, worker and webapp) on a free port with a fresh database. */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  ensureWebappBuilt();
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "ticketrunners-e2e-"));
  const baseUrl = `http://127.0.0.1:${port}`;

  const child = spawn(process.execPath, ["--import", "tsx", "backend/src/server.ts"], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      NODE_ENV: "development",
      FRONTEND_URL: baseUrl,
      LOG_LEVEL: "warn",
      RATE_LIMIT_SCALE: "100",
      ADMIN_MOBILE_NUMBERS: (options.adminMobileNumbers ?? []).join(","),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Kept for the error message if the server never becomes healthy.
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      if (!(await waitForExit(child, 10_000))) {
        child.kill("SIGKILL");
        await waitForExit(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`the server exited with code ${child.exitCode} before it was healthy:\n${output}`);
    }
    const healthy = await fetch(`${baseUrl}/health`)
      .then((response) => response.status === 200)
      .catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server did not answer GET /health with 200 within 60 s:\n${output}`);
    }
    await sleep(250);
  }

  const outbox = async (): Promise<DevOutboxMessage[]> => {
    const response = await fetch(`${baseUrl}/api/dev/outbox`);
    if (!response.ok) throw new Error(`GET /api/dev/outbox answered ${response.status}`);
    return devOutboxResponseSchema.parse(await response.json()).messages;
  };

  const waitForOtp = async (to: string, seen: ReadonlySet<number> = new Set()) => {
    const until = Date.now() + 15_000;
    for (;;) {
      const message = (await outbox()).find((m) => m.channel === "sms" && m.to === to && !seen.has(m.id));
      const code = message?.text.match(/\b(\d{6})\b/)?.[1];
      if (message && code) return { code, message };
      if (Date.now() > until) throw new Error(`no new SMS with a code reached ${to} within 15 s`);
      await sleep(200);
    }
  };

  return { baseUrl, outbox, waitForOtp, stop };
}
