import {
  errorResponseSchema,
  myTicketResponseSchema,
  myTicketsResponseSchema,
  reassignRequestSchema,
  reassignResponseSchema,
  resendClaimResponseSchema,
  sentTicketViewSchema,
  type TokenProblemResponse,
  ticketViewSchema,
  tokenProblemCodeSchema,
  tokenProblemResponseSchema,
  transferCodeResponseSchema,
  transferRequestSchema,
  validateRegistrationTokenResponseSchema,
} from "@ticketrunners/shared";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { perMinute } from "../shared/rate-limit";
import { answers, idParams, signedIn } from "../shared/route-schema";
import { cancelGift, reassignGift, transferTicket } from "./change-holder";
import { getMyTicket, listMyTickets } from "./my-tickets";
import { TokenProblem, validateRegistrationToken } from "./registration-tokens";
import { resendClaimLink } from "./resend-claim";
import { sendTransferCode } from "./transfer-code";

export const ticketsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const schema = signedIn("tickets");

  app.get(
    "/users/tickets/",
    {
      schema: { ...schema, response: answers({ 200: myTicketsResponseSchema }) },
      preHandler: app.authenticate,
    },
    async (request) => listMyTickets(deps, request.customer.id),
  );

  app.get(
    "/users/tickets/:id/",
    {
      schema: { ...schema, params: idParams, response: answers({ 200: myTicketResponseSchema }) },
      preHandler: app.authenticate,
    },
    async (request) => getMyTicket(deps, request.customer, request.params.id),
  );

  // Changing a ticket's holder (SPEC: after the purchase). Each takes the ticket's row lock.
  const region = deps.config.DEFAULT_PHONE_REGION;
  app.post(
    "/users/tickets/:id/reassign/",
    {
      schema: {
        ...schema,
        params: idParams,
        body: reassignRequestSchema(region),
        response: answers({ 200: reassignResponseSchema }),
      },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 20),
    },
    async (request) => reassignGift(deps, request.customer, request.params.id, request.body),
  );

  app.post(
    "/users/tickets/:id/cancel-gift/",
    {
      schema: { ...schema, params: idParams, response: answers({ 200: ticketViewSchema }) },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 20),
    },
    async (request) => cancelGift(deps, request.customer, request.params.id),
  );

  app.post(
    "/users/tickets/transfer-code/",
    {
      schema: { ...schema, response: answers({ 202: transferCodeResponseSchema }) },
      preHandler: [app.authenticate, app.limitOtpSms],
      config: perMinute(deps.config, 10),
    },
    async (request, reply) => reply.status(202).send(await sendTransferCode(deps, request.customer)),
  );

  app.post(
    "/users/tickets/:id/transfer/",
    {
      schema: {
        ...schema,
        params: idParams,
        body: transferRequestSchema(region),
        response: answers({ 200: sentTicketViewSchema }),
      },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 20),
    },
    async (request) => transferTicket(deps, request.customer, request.params.id, request.body),
  );

  app.post(
    "/users/tickets/:id/resend-claim/",
    {
      schema: { ...schema, params: idParams, response: answers({ 202: resendClaimResponseSchema }) },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 20),
    },
    async (request, reply) => reply.status(202).send(await resendClaimLink(deps, request.customer, request.params.id)),
  );

  app.get(
    "/users/validate-registration-token/",
    {
      schema: {
        tags: ["tickets"],
        // The query is checked by hand: every answer from this endpoint, even to garbage, carries `valid`.
        querystring: z.object({ token: z.unknown().optional() }),
        response: {
          200: validateRegistrationTokenResponseSchema,
          400: tokenProblemResponseSchema,
          404: tokenProblemResponseSchema,
          410: tokenProblemResponseSchema,
          429: errorResponseSchema,
          "5xx": errorResponseSchema,
        },
      },
      config: perMinute(deps.config, 30),
      errorHandler: claimLinkProblem,
    },
    async (request) => {
      const raw = request.query.token;
      const token = typeof raw === "string" ? raw.trim() : raw === undefined ? "" : undefined;
      if (token === "") throw new TokenProblem("MISSING_TOKEN", 400, "The link has no token.");
      if (token === undefined || token.length > 512)
        throw new TokenProblem("TOKEN_NOT_FOUND", 404, "This link is not valid.");
      return validateRegistrationToken(deps, token);
    },
  );
};

/**
 * The signup page reads `valid` on every answer about a claim link, so this route answers its token
 * problems as `{valid:false, error}` with their own status. Only this route: the same TokenProblem from
 * complete-registration is an ordinary error there. Anything else (a 429, a lost database) is rethrown,
 * and Fastify hands it to the app's one error handler, so it leaves in the usual `{error}` shape.
 */
function claimLinkProblem(err: FastifyError | TokenProblem, _request: FastifyRequest, reply: FastifyReply) {
  const code = tokenProblemCodeSchema.safeParse(err.code);
  if (!(err instanceof TokenProblem) || !code.success) throw err;
  const body: TokenProblemResponse = { valid: false, error: { code: code.data, message: err.message } };
  return reply.status(err.statusCode).send(body);
}
