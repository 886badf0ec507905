import { healthResponseSchema } from "@ticketrunners/shared";
import { sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { AppError, errorBody } from "../shared/app-error";
import { errorResponses } from "../shared/error-handler";
import { safeEqual } from "../shared/hashing";
import type { RateLimitRedis } from "../shared/rate-limit";

/** Health and Prometheus metrics: what load balancers and monitoring read. */
export const operationsRoutes: FastifyPluginAsyncZod<{ deps: Deps; redis?: RateLimitRedis }> = async (
  app,
  { deps, redis: redisLimits },
) => {
  const tags = ["operations"];
  app.get(
    "/health",
    { schema: { tags, response: { 200: healthResponseSchema, ...errorResponses } } },
    async (_request, reply) => {
      try {
        const [redis] = await Promise.all([redisLimits?.status(), deps.db.execute(sql`select 1`)]);
        // Redis down only means limits are not shared (nor enforced): still healthy, but visible.
        return { status: "ok" as const, database: "up" as const, ...(redis ? { redis } : {}) };
      } catch {
        return reply.status(503).send(errorBody("DATABASE_UNAVAILABLE", "The database is not reachable."));
      }
    },
  );

  app.get(
    "/metrics",
    {
      schema: {
        tags,
        security: [{ metricsToken: [] }],
        response: {
          200: {
            description: "Prometheus text exposition format.",
            content: { "text/plain": { schema: z.string() } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const token = deps.config.METRICS_TOKEN;
      if (token && !safeEqual(request.headers.authorization ?? "", `Bearer ${token}`)) {
        throw new AppError("UNAUTHORIZED", 401, "Metrics need the metrics token.");
      }
      reply.type(deps.metrics.registry.contentType);
      return deps.metrics.registry.metrics();
    },
  );
};
