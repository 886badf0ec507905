import { eventListSchema, eventViewSchema } from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { errorResponses } from "../shared/error-handler";
import { getEvent, listUpcomingEvents } from "./list-events";

export const eventsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ["events"];
  app.get("/public/events/", { schema: { tags, response: { 200: eventListSchema, ...errorResponses } } }, async () =>
    listUpcomingEvents(deps),
  );
  app.get(
    "/public/events/:id/",
    { schema: { tags, params: z.object({ id: z.uuid() }), response: { 200: eventViewSchema, ...errorResponses } } },
    async (request) => getEvent(deps, request.params.id),
  );
};
