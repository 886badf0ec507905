import { adminCustomerSchema, adminCustomersResponseSchema, adminRoleRequestSchema } from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { answers, idParams, signedIn } from "../shared/route-schema";
import { banCustomer, searchCustomers, setCustomerRole, unbanCustomer } from "./admin-customers";

/** The operator console's customers: search, ban and unban, roles. Admins only. */
export const adminCustomersRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const schema = signedIn("admin: customers");
  // onRequest: a non-admin is refused (403) before their request body is even read.
  const onRequest = app.requireAdmin;
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

  app.post(
    "/admin/customers/:id/ban/",
    { schema: { ...schema, params: idParams, response: customer }, onRequest },
    async (request) => banCustomer(deps, request.customer, request.params.id),
  );

  app.post(
    "/admin/customers/:id/unban/",
    { schema: { ...schema, params: idParams, response: customer }, onRequest },
    async (request) => unbanCustomer(deps, request.customer, request.params.id),
  );

  app.post(
    "/admin/customers/:id/role/",
    { schema: { ...schema, params: idParams, body: adminRoleRequestSchema, response: customer }, onRequest },
    async (request) => setCustomerRole(deps, request.customer, request.params.id, request.body.role),
  );
};
