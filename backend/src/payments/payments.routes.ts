import {
  checkoutResponseSchema,
  confirmPaymentRequestSchema,
  openCheckoutsResponseSchema,
  paymentStatusViewSchema,
  purchaseRequestSchema,
  webhookResultSchema,
} from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod, ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { errorResponses } from "../shared/error-handler";
import { perMinute } from "../shared/rate-limit";
import { cancelCheckout } from "./cancel-checkout";
import { confirmPayment, getPaymentStatus } from "./confirm-payment";
import { handlePaymentWebhook } from "./handle-webhook";
import { listOpenCheckouts } from "./open-checkouts";
import { startCheckout } from "./start-checkout";

export const paymentsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const tags = ["payments"];
  const security = [{ bearer: [] }];
  const paymentId = z.object({ id: z.uuid() });
  const paymentStatus = { 200: paymentStatusViewSchema, ...errorResponses };

  app.post(
    "/payments/process/",
    {
      schema: {
        tags,
        security,
        body: purchaseRequestSchema(deps.config.DEFAULT_PHONE_REGION),
        response: { 201: checkoutResponseSchema, ...errorResponses },
      },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 30),
    },
    async (request, reply) =>
      reply.status(201).send(await startCheckout(deps, deps.payments.active, request.customer, request.body)),
  );

  app.post(
    "/payments/confirm/",
    {
      schema: { tags, security, body: confirmPaymentRequestSchema, response: paymentStatus },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 60),
    },
    async (request) => confirmPayment(deps, deps.payments, request.customer.id, request.body),
  );

  app.get(
    "/payments/open/",
    {
      schema: { tags, security, response: { 200: openCheckoutsResponseSchema, ...errorResponses } },
      preHandler: app.authenticate,
    },
    async (request) => listOpenCheckouts(deps, request.customer.id),
  );

  app.post(
    "/payments/:id/cancel/",
    {
      schema: { tags, security, params: paymentId, response: paymentStatus },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 30),
    },
    async (request) => cancelCheckout(deps, request.customer.id, request.params.id),
  );

  app.get(
    "/payments/:id/status/",
    { schema: { tags, security, params: paymentId, response: paymentStatus }, preHandler: app.authenticate },
    async (request) => getPaymentStatus(deps, request.customer.id, request.params.id),
  );

  // Webhooks are verified over the exact bytes the gateway signed, so this scope keeps the raw body.
  await app.register(async (webhooks) => {
    webhooks.removeAllContentTypeParsers();
    webhooks.addContentTypeParser("*", { parseAs: "string", bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    webhooks.withTypeProvider<ZodTypeProvider>().post(
      "/payments/webhook/:provider/",
      {
        schema: {
          tags,
          params: z.object({ provider: z.string().max(32) }),
          response: { 200: webhookResultSchema, ...errorResponses },
        },
      },
      async (request) => {
        const provider = deps.payments.byName.get(request.params.provider);
        if (!provider) throw new AppError("UNKNOWN_PROVIDER", 404, "No such payment provider.");
        return handlePaymentWebhook(deps, provider, String(request.body ?? ""), request.headers);
      },
    );
  });
};
