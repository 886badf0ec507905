import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config";
import { startRuntime } from "./runtime";
import { createLogger } from "./shared/logger";

/** `npm run worker`: delivers queued messages only. Several may share one Postgres database. */
async function main(): Promise<void> {
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ ...process.env, WORKER: "true" });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (!config.DATABASE_URL) {
    process.stderr.write(
      "A separate worker needs DATABASE_URL (PGlite is one process: without DATABASE_URL the server runs the worker itself).\n",
    );
    process.exit(1);
  }
  const logger = createLogger(config.LOG_LEVEL);
  const runtime = await startRuntime(config, { logger, http: false });
  logger.info("notification worker started");
  const shutdown = () => {
    runtime.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

void main();
