import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentCustomer, requireCustomer } from "../accounts/accounts.routes";
import type { Deps } from "../deps";
import { perMinute } from "../shared/rate-limit";
import { getMyTicket, listMyTickets } from "./my-tickets";
import { TokenProblem, validateRegistrationToken } from "./registration-tokens";
import { resendClaimLink } from "./resend-claim";

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

  r.post(
    "/users/tickets/:id/resend-claim/",
    { schema: { ...schema, params: z.object({ id: z.uuid() }) }, preHandler: auth, config: perMinute(deps.config, 20) },
    async (request, reply) =>
      reply.status(202).send(await resendClaimLink(deps, currentCustomer(request), request.params.id)),
  );

  r.get(
    "/users/validate-registration-token/",
    {
      // The query is checked by hand: every answer from this endpoint, even to garbage, carries `valid`.
      schema: { tags: ["tickets"], querystring: z.object({ token: z.unknown().optional() }) },
      config: perMinute(deps.config, 30),
    },
    async (request, reply) => {
      const raw = request.query.token;
      const token = typeof raw === "string" ? raw.trim() : raw === undefined ? "" : undefined;
      if (token === "") {
        return reply
          .status(400)
          .send({ valid: false, error: { code: "MISSING_TOKEN", message: "The link has no token." } });
      }
      try {
        if (token === undefined || token.length > 512)
          throw new TokenProblem("TOKEN_NOT_FOUND", 404, "This link is not valid.");
        return await validateRegistrationToken(deps, token);
      } catch (err) {
        if (!(err instanceof TokenProblem)) throw err;
        return reply.status(err.statusCode).send({ valid: false, error: { code: err.code, message: err.message } });
      }
    },
  );
}
