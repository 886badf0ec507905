import {
  adminNotificationsResponseSchema,
  adminPaymentsResponseSchema,
  notificationStatusSchema,
  paymentStatusSchema,
  retryNotificationResponseSchema,
} from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { listNotifications, retryDeadNotification } from "../notifications/ledger";
import { listPayments } from "../payments/list-payments";
import { errorResponses } from "../shared/error-handler";

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
};

/** The operator API: outbox and payments. Admins only (customers.role = 'admin'). */
export const adminRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const schema = { tags: ["operations"], security: [{ bearer: [] }] };
  const preHandler = app.requireAdmin;

  app.get(
    "/admin/notifications/",
    {
      schema: {
        ...schema,
        querystring: z.object({ status: notificationStatusSchema.optional(), ...page }),
        response: { 200: adminNotificationsResponseSchema, ...errorResponses },
      },
      preHandler,
    },
    async (request) => listNotifications(deps, request.query),
  );

  app.post(
    "/admin/notifications/:id/retry/",
    {
      schema: {
        ...schema,
        params: z.object({ id: z.uuid() }),
        response: { 202: retryNotificationResponseSchema, ...errorResponses },
      },
      preHandler,
    },
    async (request, reply) => reply.status(202).send(await retryDeadNotification(deps, request.params.id)),
  );

  app.get(
    "/admin/payments/",
    {
      schema: {
        ...schema,
        querystring: z.object({ status: paymentStatusSchema.optional(), ...page }),
        response: { 200: adminPaymentsResponseSchema, ...errorResponses },
      },
      preHandler,
    },
    async (request) => listPayments(deps, request.query),
  );
};
