import { bookResponseSchema, purchaseRequestSchema } from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../deps";
import { perMinute } from "../shared/rate-limit";
import { answers, signedIn } from "../shared/route-schema";
import { toTicketViews } from "../tickets/ticket-views";
import { bookTickets } from "./book-tickets";

export const purchasesRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    "/tickets/book/",
    {
      schema: {
        ...signedIn("purchases"),
        body: purchaseRequestSchema(deps.config.DEFAULT_PHONE_REGION),
        response: answers({ 201: bookResponseSchema }),
      },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 30),
    },
    async (request, reply) => {
      const buyer = request.customer;
      const booked = await bookTickets(deps, buyer, request.body);
      return reply.status(201).send({
        payment_id: booked.payment_id,
        tickets: await toTicketViews(deps, buyer.id, booked.tickets),
      });
    },
  );
};
