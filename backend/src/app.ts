import { existsSync } from "node:fs";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from "fastify";
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { accountsRoutes } from "./accounts/accounts.routes";
import type { Deps } from "./deps";
import { eventsRoutes } from "./events/events.routes";
import { devInboxRoutes } from "./notifications/dev-inbox.routes";
import { adminRoutes } from "./operations/admin.routes";
import { operationsRoutes } from "./operations/operations.routes";
import { webappDist } from "./paths";
import { paymentsRoutes } from "./payments/payments.routes";
import { sandboxCheckoutRoutes } from "./payments/providers/sandbox-checkout.routes";
import { purchasesRoutes } from "./purchases/purchases.routes";
import { registerErrorHandling } from "./shared/error-handler";
import { registerRateLimiting } from "./shared/rate-limit";
import { ticketsRoutes } from "./tickets/tickets.routes";

/** The HTTP application: each feature's routes, registered here so this file is the table of contents. */
export async function buildApp(deps: Deps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    trustProxy: deps.config.TRUST_PROXY,
    // Errors Fastify raises before routing (a malformed URL, an over-long parameter) get our shape too.
    frameworkErrors: (error, _request, reply) => {
      const notFound = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      (reply as unknown as FastifyReply).status(notFound ? 404 : (error.statusCode ?? 400)).send({
        error: notFound
          ? { code: "NOT_FOUND", message: "No such resource." }
          : { code: "BAD_REQUEST", message: "The request URL is malformed." },
      });
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  app.addHook("onResponse", async (request, reply) => {
    deps.metrics.requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  await registerRateLimiting(app);

  await app.register(swagger, {
    openapi: {
      info: { title: "TicketRunners API", version: "1.0.0" },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } } },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  await app.register(operationsRoutes, deps);
  await app.register(
    async (api) => {
      await accountsRoutes(api, deps);
      await eventsRoutes(api, deps);
      await purchasesRoutes(api, deps);
      await paymentsRoutes(api, deps);
      await ticketsRoutes(api, deps);
      await adminRoutes(api, deps);
    },
    { prefix: "/api/v1" },
  );
  const sandbox = deps.payments.sandbox;
  if (sandbox) await app.register(sandboxCheckoutRoutes, { ...deps, sandbox });
  if (!deps.config.isProduction) await app.register(devInboxRoutes, deps);

  const hasWebapp = existsSync(webappDist);
  if (hasWebapp) await app.register(fastifyStatic, { root: webappDist, wildcard: false, index: false });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isPage = request.method === "GET" && !path.startsWith("/api/") && !path.includes(".");
    if (isPage && hasWebapp) return reply.type("text/html").sendFile("index.html");
    return reply.status(404).send({ error: { code: "NOT_FOUND", message: `No route for ${request.method} ${path}` } });
  });
  return app;
}
