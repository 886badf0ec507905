// `npm test`: lint, type-check, build the webapp, then every test suite (PGlite, real Postgres, the fault
// and load suite on Postgres, Chromium).
// Outside CI a missing Postgres or Chromium skips that suite with a warning; with CI=true it fails.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

const ci = process.env.CI === "true" || process.env.CI === "1";
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  return result.status === 0;
}

async function postgresAnswers() {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Redis answers PING at 127.0.0.1:6379 (the fault suite shares rate limits through it). */
function redisAnswers() {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: 6379, timeout: 2000 });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (data) => done(data.toString().startsWith("+PONG")));
    socket.on("timeout", () => done(false));
    socket.on("error", () => done(false));
  });
}

const failures = [];
if (!run("lint and format (biome)", "npx", ["biome", "check", "."])) failures.push("lint");
if (!run("import cycles (files and feature folders)", "node", ["scripts/check-imports.mjs"]))
  failures.push("import cycles");
if (!run("type-check (tsc --noEmit, strict)", "npx", ["tsc", "-p", "backend"])) failures.push("typecheck backend");
if (!run("type-check webapp", "npx", ["tsc", "-p", "frontend/webapp"])) failures.push("typecheck webapp");
if (!run("type-check shared", "npx", ["tsc", "-p", "shared"])) failures.push("typecheck shared");
if (!run("type-check browser tests", "npx", ["tsc", "-p", "frontend/webapp/e2e"])) failures.push("typecheck e2e");

const projects = ["backend-pglite", "webapp"];
const postgres = await postgresAnswers();
const redis = await redisAnswers();
if (postgres) projects.push("backend-postgres");
else if (ci) failures.push(`Postgres is not answering at ${adminUrl} (mandatory in CI)`);
else
  console.warn(`\n⚠ Postgres is not answering at ${adminUrl}: the Postgres suite is skipped (it is mandatory in CI).`);
if (postgres && redis) projects.push("faults");
else if (ci && !redis) failures.push("Redis is not answering at 127.0.0.1:6379 (mandatory in CI)");
else if (!redis)
  console.warn("\n⚠ Redis is not answering at 127.0.0.1:6379: the fault suite is skipped (mandatory in CI).");

if (existsSync(chromium)) {
  if (run("build the webapp", "npm", ["run", "build", "-w", "@ticketrunners/webapp"])) projects.push("e2e");
  else failures.push("webapp build");
} else if (ci) failures.push(`Chromium is missing at ${chromium} (mandatory in CI)`);
else
  console.warn(`\n⚠ Chromium is missing at ${chromium}: the browser suite is skipped (apt-get install -y chromium).`);

const report = join(tmpdir(), `ticketrunners-vitest-${process.pid}.json`);
run(`tests: ${projects.join(", ")}`, "npx", [
  "vitest",
  "run",
  ...projects.flatMap((p) => ["--project", p]),
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${report}`,
]);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, "utf8"));
  passed = results.numPassedTests;
  failed = results.numFailedTests + (results.numFailedTestSuites ?? 0);
  if (results.numTotalTests === 0) failures.push("no tests ran");
  rmSync(report, { force: true });
} else {
  failures.push("the test runner wrote no report");
}
if (failed > 0) failures.push(`${failed} failing test(s) or suite(s)`);

if (failures.length > 0) console.log(`\n✗ ${failures.join("; ")}`);
console.log(`\n${passed} passed, ${failed + (failures.length > 0 && failed === 0 ? 1 : 0)} failed`);
process.exit(failures.length > 0 ? 1 : 0);
