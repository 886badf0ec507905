import rateLimit, { normalizeIP } from "@fastify/rate-limit";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { Config } from "../config";
import { AppError } from "./app-error";

/** The Redis connection every API process counts its per-client limits in. */
export interface RateLimitRedis {
  client: Redis;
  /** "up" when Redis answers a PING now, "down" otherwise (within the command timeout). */
  status(): Promise<"up" | "down">;
  close(): Promise<void>;
}

/**
 * Connects to Redis so that fails fast: while it is unreachable a command errors at once (no offline
 * queue) or within the command timeout, the limiter lets the request through, and the client keeps
 * reconnecting in the background. One warning per outage, never the URL (it may carry a password).
 */
export function connectRateLimitRedis(url: string, logger: Logger): RateLimitRedis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1_000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  let down = false;
  let closing = false;
  client.on("ready", () => {
    if (down) logger.info("redis is reachable again: rate limits are shared again");
    down = false;
  });
  const lost = (err?: Error) => {
    if (down || closing) return;
    down = true;
    logger.warn(
      { reason: err?.message ?? "connection closed" },
      "redis is unreachable: per-client rate limits are not enforced until it is back",
    );
  };
  client.on("error", lost);
  client.on("close", () => lost());
  return {
    client,
    async status() {
      if (client.status !== "ready") return "down";
      try {
        await client.ping();
        return "up";
      } catch {
        return "down";
      }
    },
    async close() {
      closing = true;
      if (client.status !== "ready") return client.disconnect();
      await client.quit().catch(() => client.disconnect());
    },
  };
}

declare module "fastify" {
  interface FastifyInstance {
    /** preHandler for every route that texts a code: one hourly budget per client (createOtpSmsLimit). */
    limitOtpSms: (request: FastifyRequest) => Promise<void>;
  }
}

/**
 * Per-client limits in memory, or in Redis (shared by every process) when one is given; and the one OTP
 * SMS budget every code-sending route shares.
 */
export async function registerRateLimiting(app: FastifyInstance, config: Config, redis?: Redis): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: "ticketrunners:rate-limit:" } : {}),
    // Redis down: serve the request unlimited rather than fail it.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new AppError("RATE_LIMITED", 429, `Too many requests. Try again in ${context.after}.`, {
        retry_after_seconds: Math.ceil(context.ttl / 1000),
      }),
  });
  app.decorate("limitOtpSms", createOtpSmsLimit(app, config));
}

/** Per-client limit for one route, scaled by RATE_LIMIT_SCALE (venues behind one NAT, load tests). */
export const perMinute = (config: Config, max: number) => ({
  rateLimit: { max: Math.max(1, Math.round(max * config.RATE_LIMIT_SCALE)), timeWindow: 60_000 },
});

/**
 * OTP SMS per client address: at most 10 an hour (× RATE_LIMIT_SCALE) over every route that awaits the
 * returned function, so call this once and hand the same function to each route that sends a code. With
 * Redis the budget is shared by every process; while Redis is down it is not enforced.
 */
export function createOtpSmsLimit(app: FastifyInstance, config: Config): (request: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({
    max: Math.max(1, Math.round(10 * config.RATE_LIMIT_SCALE)),
    timeWindow: 3_600_000,
    // IPv6 clients are counted per /64, as the route limits do, so rotating addresses buys nothing.
    keyGenerator: (request) => `otp-sms:${normalizeIP(request.ip)}`,
  });
  return async (request) => {
    const result = await check(request);
    if (result.isAllowed || !result.isExceeded) return;
    const seconds = Math.max(1, result.ttlInSeconds);
    throw new AppError(
      "RATE_LIMITED",
      429,
      `Too many codes requested from this connection. Try again in ${waitText(seconds)}.`,
      { retry_after_seconds: seconds },
    );
  };
}

const waitText = (seconds: number) =>
  seconds < 60 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minute${seconds > 60 ? "s" : ""}`;
