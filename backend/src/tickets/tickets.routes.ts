import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentCustomer, requireCustomer } from "../accounts/accounts.routes";
import type { Deps } from "../deps";
import { getMyTicket, listMyTickets } from "./my-tickets";

export async function ticketsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const schema = { tags: ["tickets"], security: [{ bearer: [] }] };
  const auth = requireCustomer(deps);
  r.get("/users/tickets/", { schema, preHandler: auth }, async (request) =>
    listMyTickets(deps, currentCustomer(request).id),
  );
  r.get(
    "/users/tickets/:id/",
    { schema: { ...schema, params: z.object({ id: z.uuid() }) }, preHandler: auth },
    async (request) => getMyTicket(deps, currentCustomer(request).id, request.params.id),
  );
}
