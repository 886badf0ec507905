import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { getEvent, listUpcomingEvents } from "./list-events";

export async function eventsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["events"];
  r.get("/public/events/", { schema: { tags } }, async () => listUpcomingEvents(deps));
  r.get("/public/events/:id/", { schema: { tags, params: z.object({ id: z.uuid() }) } }, async (request) =>
    getEvent(deps, request.params.id),
  );
}
