import { purchaseRequestSchema } from "@ticketrunners/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { currentCustomer, requireCustomer } from "../accounts/accounts.routes";
import type { Deps } from "../deps";
import { perMinute } from "../shared/rate-limit";
import { toTicketViews } from "../tickets/ticket-views";
import { bookTickets } from "./book-tickets";

export async function purchasesRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    "/tickets/book/",
    {
      schema: {
        tags: ["purchases"],
        security: [{ bearer: [] }],
        body: purchaseRequestSchema(deps.config.DEFAULT_PHONE_REGION),
      },
      preHandler: requireCustomer(deps),
      config: perMinute(deps.config, 30),
    },
    async (request, reply) => {
      const buyer = currentCustomer(request);
      const booked = await bookTickets(deps, buyer, request.body);
      return reply.status(201).send({
        payment_id: booked.payment_id,
        tickets: await toTicketViews(deps, buyer.id, booked.tickets),
      });
    },
  );
}
