import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Deps } from "./deps";

export async function healthRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  app.get("/health", { schema: { tags: ["operations"] } }, async (_request, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      return { status: "ok", database: "up" };
    } catch {
      return reply
        .status(503)
        .send({ error: { code: "DATABASE_UNAVAILABLE", message: "The database is not reachable." } });
    }
  });
}
