import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentCustomer, requireCustomer } from "../accounts/accounts.routes";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { listNotifications, listPayments, retryDeadNotification } from "./outbox-admin";

const page = {
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.iso.datetime({ offset: true }).optional(),
};

/** The operator API: outbox and payments. Admins only (customers.role = 'admin'). */
export async function adminRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const authenticate = requireCustomer(deps);
  const preHandler = async (request: FastifyRequest) => {
    await authenticate(request);
    if (currentCustomer(request).role !== "admin") throw new AppError("FORBIDDEN", 403, "Operators only.");
  };
  const schema = { tags: ["operations"], security: [{ bearer: [] }] };

  r.get(
    "/admin/notifications/",
    {
      schema: {
        ...schema,
        querystring: z.object({ status: z.enum(["queued", "sending", "sent", "failed", "dead"]).optional(), ...page }),
      },
      preHandler,
    },
    async (request) => listNotifications(deps, request.query),
  );

  r.post(
    "/admin/notifications/:id/retry/",
    { schema: { ...schema, params: z.object({ id: z.uuid() }) }, preHandler },
    async (request, reply) => reply.status(202).send(await retryDeadNotification(deps, request.params.id)),
  );

  r.get(
    "/admin/payments/",
    {
      schema: {
        ...schema,
        querystring: z.object({
          status: z.enum(["pending", "paid", "failed", "expired", "cancelled"]).optional(),
          ...page,
        }),
      },
      preHandler,
    },
    async (request) => listPayments(deps, request.query),
  );
}
