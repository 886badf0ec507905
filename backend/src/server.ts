import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "./config";
import { DataDirLockedError } from "./db/client";
import { startRuntime } from "./runtime";
import { createLogger } from "./shared/logger";

async function main(): Promise<void> {
  // Settings in a .env file beside the process apply unless the environment already sets them.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  let runtime: Awaited<ReturnType<typeof startRuntime>>;
  try {
    runtime = await startRuntime(config, { logger });
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  if (!runtime.app) throw new Error("the server runtime has no HTTP app");
  const address = await runtime.app.listen({ port: config.PORT, host: config.HOST });
  logger.info(
    { address, database: runtime.database.driver, worker: config.WORKER, startupMs: Date.now() - started },
    `TicketRunners is ready on ${config.FRONTEND_URL}${config.isProduction ? "" : ` (dev inbox: ${config.FRONTEND_URL}/dev/inbox)`}`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    runtime.close().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

void main();
