import { eventListSchema, eventViewSchema } from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../deps";
import { answers, idParams } from "../shared/route-schema";
import { getEvent, listUpcomingEvents } from "./list-events";

export const eventsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ["events"];
  app.get("/public/events/", { schema: { tags, response: answers({ 200: eventListSchema }) } }, async () =>
    listUpcomingEvents(deps),
  );
  app.get(
    "/public/events/:id/",
    { schema: { tags, params: idParams, response: answers({ 200: eventViewSchema }) } },
    async (request) => getEvent(deps, request.params.id),
  );
};
