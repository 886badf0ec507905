import { adminCustomerSchema, adminCustomersResponseSchema, adminRoleRequestSchema } from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { adminActionRoutes, adminOnly, answers, idParams } from "../shared/route-schema";
import { banCustomer, searchCustomers, setCustomerRole, unbanCustomer } from "./admin-customers";

/** The operator console's customers: search, ban and unban, roles. Admins only. */
export const adminCustomersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const { schema, onRequest } = adminOnly(app, "admin: customers");
  const customer = answers({ 200: adminCustomerSchema });

  app.get(
    "/admin/customers/",
    {
      schema: {
        ...schema,
        querystring: z.object({
          /** Part of a name (any case) or a number in any spelling. */
          q: z.string().max(100).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.iso.datetime({ offset: true }).optional(),
        }),
        response: answers({ 200: adminCustomersResponseSchema }),
      },
      onRequest,
    },
    async (request) => searchCustomers(deps, request.query),
  );

  adminActionRoutes(app, "/admin/customers", schema, customer, {
    ban: (actor, id) => banCustomer(deps, actor, id),
    unban: (actor, id) => unbanCustomer(deps, actor, id),
  });

  app.post(
    "/admin/customers/:id/role/",
    { schema: { ...schema, params: idParams, body: adminRoleRequestSchema, response: customer }, onRequest },
    async (request) => setCustomerRole(deps, request.customer, request.params.id, request.body.role),
  );
};
