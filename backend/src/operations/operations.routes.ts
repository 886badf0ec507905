import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { safeEqual } from "../shared/hashing";
import type { RateLimitRedis } from "../shared/rate-limit";

/** Health and Prometheus metrics: what load balancers and monitoring read. */
export async function operationsRoutes(app: FastifyInstance, deps: Deps & { redis?: RateLimitRedis }): Promise<void> {
  app.get("/health", { schema: { tags: ["operations"] } }, async (_request, reply) => {
    try {
      const [redis] = await Promise.all([deps.redis?.status(), deps.db.execute(sql`select 1`)]);
      // Redis down only means limits are not shared (nor enforced): still healthy, but visible.
      return { status: "ok", database: "up", ...(redis ? { redis } : {}) };
    } catch {
      return reply
        .status(503)
        .send({ error: { code: "DATABASE_UNAVAILABLE", message: "The database is not reachable." } });
    }
  });

  app.get("/metrics", { schema: { tags: ["operations"] } }, async (request, reply) => {
    const token = deps.config.METRICS_TOKEN;
    if (token && !safeEqual(request.headers.authorization ?? "", `Bearer ${token}`)) {
      throw new AppError("UNAUTHORIZED", 401, "Metrics need the metrics token.");
    }
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.registry.metrics();
  });
}
