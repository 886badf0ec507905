import rateLimit from "@fastify/rate-limit";
import type { FastifyInstance } from "fastify";
import type { Config } from "../config";
import { AppError } from "./app-error";

export async function registerRateLimiting(app: FastifyInstance): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError("RATE_LIMITED", 429, `Too many requests. Try again in ${context.after}.`, {
        retry_after_seconds: Math.ceil(context.ttl / 1000),
      }),
  });
}

/** Per-client limit for one route, scaled by RATE_LIMIT_SCALE (venues behind one NAT, load tests). */
export const perMinute = (config: Config, max: number) => ({
  rateLimit: { max: Math.max(1, Math.round(max * config.RATE_LIMIT_SCALE)), timeWindow: 60_000 },
});
