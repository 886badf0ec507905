import {
  adminAttendeesResponseSchema,
  adminCategoryCreateSchema,
  adminCategorySchema,
  adminCategoryUpdateSchema,
  adminEventCreateSchema,
  adminEventSchema,
  adminEventsResponseSchema,
  adminEventUpdateSchema,
  adminSalesSchema,
} from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { errorResponses } from "../shared/error-handler";
import { adminActionRoutes, adminOnly, answers, idParams } from "../shared/route-schema";
import {
  createAdminEvent,
  createCategory,
  getAdminEvent,
  listAdminEvents,
  publishAdminEvent,
  unpublishAdminEvent,
  updateAdminEvent,
  updateCategory,
} from "./admin-events";
import { attendeesCsv, eventSales, listAttendees } from "./event-sales";

/** The operator console's events: drafts and published ones, their categories, sales and attendees. Admins only. */
export const adminEventsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { schema, onRequest } = adminOnly(app, "admin: events");
  const event = answers({ 200: adminEventSchema });

  app.get(
    "/admin/events/",
    { schema: { ...schema, response: answers({ 200: adminEventsResponseSchema }) }, onRequest },
    async () => listAdminEvents(deps),
  );

  app.post(
    "/admin/events/",
    {
      schema: { ...schema, body: adminEventCreateSchema, response: answers({ 201: adminEventSchema }) },
      onRequest,
    },
    async (request, reply) => reply.status(201).send(await createAdminEvent(deps, request.customer, request.body)),
  );

  app.get(
    "/admin/events/:id/",
    { schema: { ...schema, params: idParams, response: event }, onRequest },
    async (request) => getAdminEvent(deps, request.params.id),
  );

  app.patch(
    "/admin/events/:id/",
    { schema: { ...schema, params: idParams, body: adminEventUpdateSchema, response: event }, onRequest },
    async (request) => updateAdminEvent(deps, request.customer, request.params.id, request.body),
  );

  adminActionRoutes(app, "/admin/events", schema, event, {
    publish: (actor, id) => publishAdminEvent(deps, actor, id),
    unpublish: (actor, id) => unpublishAdminEvent(deps, actor, id),
  });

  app.post(
    "/admin/events/:id/categories/",
    {
      schema: {
        ...schema,
        params: idParams,
        body: adminCategoryCreateSchema,
        response: answers({ 201: adminCategorySchema }),
      },
      onRequest,
    },
    async (request, reply) =>
      reply.status(201).send(await createCategory(deps, request.customer, request.params.id, request.body)),
  );

  app.patch(
    "/admin/categories/:id/",
    {
      schema: {
        ...schema,
        params: idParams,
        body: adminCategoryUpdateSchema,
        response: answers({ 200: adminCategorySchema }),
      },
      onRequest,
    },
    async (request) => updateCategory(deps, request.customer, request.params.id, request.body),
  );

  app.get(
    "/admin/events/:id/sales/",
    { schema: { ...schema, params: idParams, response: answers({ 200: adminSalesSchema }) }, onRequest },
    async (request) => eventSales(deps, request.params.id),
  );

  app.get(
    "/admin/events/:id/attendees/",
    {
      schema: {
        ...schema,
        params: idParams,
        querystring: z.object({
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(50),
          offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
        }),
        response: answers({ 200: adminAttendeesResponseSchema }),
      },
      onRequest,
    },
    async (request) => listAttendees(deps, request.params.id, request.query),
  );

  app.get(
    "/admin/events/:id/attendees.csv",
    {
      schema: {
        ...schema,
        params: idParams,
        response: { 200: z.string().describe("text/csv: one row per ticket, RFC 4180"), ...errorResponses },
      },
      onRequest,
    },
    async (request, reply) => {
      const csv = await attendeesCsv(deps, request.params.id);
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="attendees-${request.params.id}.csv"`)
        .send(csv);
    },
  );
};
