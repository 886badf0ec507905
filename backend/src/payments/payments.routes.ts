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
import { perMinute } from "../shared/rate-limit";
import { answers, idParams, signedIn } from "../shared/route-schema";
import { cancelCheckout } from "./cancel-checkout";
import { confirmPayment, getPaymentStatus } from "./confirm-payment";
import { handlePaymentWebhook } from "./handle-webhook";
import { listOpenCheckouts } from "./open-checkouts";
import { startCheckout } from "./start-checkout";

export const paymentsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const signedInSchema = signedIn("payments");
  const paymentStatus = answers({ 200: paymentStatusViewSchema });

  app.post(
    "/payments/process/",
    {
      schema: {
        ...signedInSchema,
        body: purchaseRequestSchema(deps.config.DEFAULT_PHONE_REGION),
        response: answers({ 201: checkoutResponseSchema }),
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
      schema: { ...signedInSchema, body: confirmPaymentRequestSchema, response: paymentStatus },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 60),
    },
    async (request) => confirmPayment(deps, deps.payments, request.customer.id, request.body),
  );

  app.get(
    "/payments/open/",
    {
      schema: { ...signedInSchema, response: answers({ 200: openCheckoutsResponseSchema }) },
      preHandler: app.authenticate,
    },
    async (request) => listOpenCheckouts(deps, request.customer.id),
  );

  app.post(
    "/payments/:id/cancel/",
    {
      schema: { ...signedInSchema, params: idParams, response: paymentStatus },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 30),
    },
    async (request) => cancelCheckout(deps, request.customer.id, request.params.id),
  );

  app.get(
    "/payments/:id/status/",
    { schema: { ...signedInSchema, params: idParams, response: paymentStatus }, preHandler: app.authenticate },
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
          tags: ["payments"],
          params: z.object({ provider: z.string().max(32) }),
          response: answers({ 200: webhookResultSchema }),
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
