import {
  adminAuditResponseSchema,
  adminNotificationsResponseSchema,
  adminPaymentsResponseSchema,
  NOTIFICATION_CHANNELS,
  notificationStatusSchema,
  paymentStatusSchema,
  retryNotificationResponseSchema,
} from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { listNotifications, retryDeadNotification } from "../notifications/ledger";
import { listPayments } from "../payments/list-payments";
import { listAudit } from "../shared/audit";
import { adminOnly, answers, idParams } from "../shared/route-schema";

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
};

/** The operator API: the outbox ledger, payments and the audit log. Admins only (customers.role = 'admin'). */
export const adminRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { schema, onRequest } = adminOnly(app, "operations");

  app.get(
    "/admin/notifications/",
    {
      schema: {
        ...schema,
        querystring: z.object({
          status: notificationStatusSchema.optional(),
          channel: z.enum(NOTIFICATION_CHANNELS).optional(),
          template: z.string().max(100).optional(),
          /** A number in any spelling, or an email address. */
          recipient: z.string().max(254).optional(),
          payment_id: z.uuid().optional(),
          ...page,
        }),
        response: answers({ 200: adminNotificationsResponseSchema }),
      },
      onRequest,
    },
    async (request) => listNotifications(deps, request.query),
  );

  app.post(
    "/admin/notifications/:id/retry/",
    {
      schema: {
        ...schema,
        params: idParams,
        response: answers({ 202: retryNotificationResponseSchema }),
      },
      onRequest,
    },
    async (request, reply) =>
      reply.status(202).send(await retryDeadNotification(deps, request.customer, request.params.id)),
  );

  app.get(
    "/admin/payments/",
    {
      schema: {
        ...schema,
        querystring: z.object({ status: paymentStatusSchema.optional(), ...page }),
        response: answers({ 200: adminPaymentsResponseSchema }),
      },
      onRequest,
    },
    async (request) => listPayments(deps, request.query),
  );

  app.get(
    "/admin/audit/",
    {
      schema: {
        ...schema,
        querystring: z.object(page),
        response: answers({ 200: adminAuditResponseSchema }),
      },
      onRequest,
    },
    async (request) => listAudit(deps.db, request.query),
  );
};
