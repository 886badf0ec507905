import {
  checkinAdmittedSchema,
  checkinCountsSchema,
  checkinRefusedSchema,
  checkinRequestSchema,
  eventListSchema,
} from "@ticketrunners/shared";
import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../deps";
import { listUpcomingEvents } from "../events/list-events";
import { DAY } from "../shared/clock";
import { answers, idParams, signedIn } from "../shared/route-schema";
import { checkIn, checkinCounts } from "./check-in";

/** Door staff admit tickets: scanned door codes or typed ticket numbers. Staff and operators only. */
export const checkinRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const schema = signedIn("check-in");

  app.post(
    "/checkin/",
    {
      schema: {
        ...schema,
        body: checkinRequestSchema,
        response: answers({ 200: checkinAdmittedSchema, 404: checkinRefusedSchema, 409: checkinRefusedSchema }),
      },
      onRequest: app.requireStaff,
      config: {
        // Per staff member (known since onRequest, before the body is read): a scanner at a busy gate, not a
        // key-guessing script.
        rateLimit: {
          max: Math.max(1, Math.round(120 * deps.config.RATE_LIMIT_SCALE)),
          timeWindow: 60_000,
          hook: "preHandler",
          keyGenerator: (request: FastifyRequest) => `checkin:${request.customer.id}`,
        },
      },
    },
    async (request, reply) => {
      const outcome = await checkIn(deps, request.customer, request.body);
      return reply.status(outcome.status).send(outcome.body);
    },
  );

  app.get(
    "/checkin/events/",
    {
      schema: { ...schema, response: answers({ 200: eventListSchema }) },
      onRequest: app.requireStaff,
    },
    // At the door an event is still there after its start: those that started in the last day, and the upcoming ones.
    async () => listUpcomingEvents(deps, new Date(deps.clock.now().getTime() - DAY)),
  );

  app.get(
    "/checkin/events/:id/",
    {
      schema: {
        ...schema,
        params: idParams,
        response: answers({ 200: checkinCountsSchema }),
      },
      onRequest: app.requireStaff,
    },
    async (request) => checkinCounts(deps, request.params.id),
  );
};
