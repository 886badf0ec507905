import { purchaseRequestSchema } from "@ticketrunners/shared";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { currentCustomer, requireCustomer } from "../accounts/accounts.routes";
import type { Deps } from "../deps";
import { startCheckout } from "../purchases/start-checkout";
import { AppError } from "../shared/app-error";
import { perMinute } from "../shared/rate-limit";
import { cancelCheckout } from "./cancel-checkout";
import { confirmPayment, getPaymentStatus } from "./confirm-payment";
import { handlePaymentWebhook } from "./handle-webhook";
import { listOpenCheckouts } from "./open-checkouts";

export async function paymentsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ["payments"];
  const security = [{ bearer: [] }];
  const auth = requireCustomer(deps);

  r.post(
    "/payments/process/",
    {
      schema: { tags, security, body: purchaseRequestSchema(deps.config.DEFAULT_PHONE_REGION) },
      preHandler: auth,
      config: perMinute(deps.config, 30),
    },
    async (request, reply) =>
      reply.status(201).send(await startCheckout(deps, deps.payments.active, currentCustomer(request), request.body)),
  );

  r.post(
    "/payments/confirm/",
    {
      schema: {
        tags,
        security,
        body: z.object({
          transaction_id: z.uuid(),
          params: z.record(z.string().max(64), z.string().max(512)).optional(),
        }),
      },
      preHandler: auth,
      config: perMinute(deps.config, 60),
    },
    async (request) => confirmPayment(deps, deps.payments, currentCustomer(request).id, request.body),
  );

  r.get("/payments/open/", { schema: { tags, security }, preHandler: auth }, async (request) =>
    listOpenCheckouts(deps, currentCustomer(request).id),
  );

  r.post(
    "/payments/:id/cancel/",
    {
      schema: { tags, security, params: z.object({ id: z.uuid() }) },
      preHandler: auth,
      config: perMinute(deps.config, 30),
    },
    async (request) => cancelCheckout(deps, currentCustomer(request).id, request.params.id),
  );

  r.get(
    "/payments/:id/status/",
    { schema: { tags, security, params: z.object({ id: z.uuid() }) }, preHandler: auth },
    async (request) => getPaymentStatus(deps, currentCustomer(request).id, request.params.id),
  );

  // Webhooks are verified over the exact bytes the gateway signed, so this scope keeps the raw body.
  await app.register(async (webhooks) => {
    webhooks.removeAllContentTypeParsers();
    webhooks.addContentTypeParser("*", { parseAs: "string", bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    webhooks
      .withTypeProvider<ZodTypeProvider>()
      .post(
        "/payments/webhook/:provider/",
        { schema: { tags, params: z.object({ provider: z.string().max(32) }) } },
        async (request) => {
          const provider = deps.payments.byName.get(request.params.provider);
          if (!provider) throw new AppError("UNKNOWN_PROVIDER", 404, "No such payment provider.");
          return handlePaymentWebhook(deps, provider, String(request.body ?? ""), request.headers);
        },
      );
  });
}
