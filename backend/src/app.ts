import { existsSync } from "node:fs";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply } from "fastify";
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import helmetHeaders from "helmet";
import { accountsRoutes } from "./accounts/accounts.routes";
import { adminCustomersRoutes } from "./accounts/admin-customers.routes";
import { authentication } from "./accounts/authentication.plugin";
import { checkinRoutes } from "./checkin/checkin.routes";
import type { Config } from "./config";
import type { Deps } from "./deps";
import { adminEventsRoutes } from "./events/admin-events.routes";
import { eventsRoutes } from "./events/events.routes";
import { devInboxRoutes } from "./notifications/dev-inbox.routes";
import { adminRoutes } from "./operations/admin.routes";
import { operationsRoutes } from "./operations/operations.routes";
import { webappDist } from "./paths";
import { paymentsRoutes } from "./payments/payments.routes";
import { sandboxCheckoutRoutes } from "./payments/providers/sandbox-checkout.routes";
import { purchasesRoutes } from "./purchases/purchases.routes";
import { errorBody } from "./shared/app-error";
import { registerErrorHandling } from "./shared/error-handler";
import { type RateLimitRedis, registerRateLimiting } from "./shared/rate-limit";
import { ticketsRoutes } from "./tickets/tickets.routes";

export interface AppOptions {
  /** Where per-client rate limits are counted when several processes share them. */
  redis?: RateLimitRedis;
}

/** The HTTP application: each feature's routes, registered here so this file is the table of contents. */
export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<FastifyInstance> {
  const headers = securityHeaders(deps.config);
  const setHeadersBeforeRouting = helmetHeaders(headers);
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 64 * 1024,
    trustProxy: trustProxy(deps.config.TRUST_PROXY),
    // Errors Fastify raises before routing (a malformed URL, an over-long parameter) get our shape too.
    frameworkErrors: (error, request, reply) => {
      // No hook runs for these, so helmet's own hook never sees them.
      setHeadersBeforeRouting(request.raw, reply.raw, () => {});
      const notFound = error.code === "FST_ERR_MAX_PARAM_LENGTH";
      (reply as unknown as FastifyReply)
        .status(notFound ? 404 : (error.statusCode ?? 400))
        .send(
          notFound
            ? errorBody("NOT_FOUND", "No such resource.")
            : errorBody("BAD_REQUEST", "The request URL is malformed."),
        );
    },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // First, so every answer carries the headers: API, errors, 404s, rate-limit refusals and pages.
  await app.register(helmet, headers);
  registerErrorHandling(app);
  app.addHook("onResponse", async (request, reply) => {
    deps.metrics.requestDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  await registerRateLimiting(app, deps.config, options.redis?.client);

  await app.register(swagger, {
    openapi: {
      info: { title: "TicketRunners API", version: "1.0.0" },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
          metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN" },
        },
      },
    },
    transform: jsonSchemaTransform,
    // Shared schemas with an id (`.meta({ id })`) become components/schemas, referenced by every route.
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: "/api/docs",
    uiConfig: { validatorUrl: null },
    // Swagger UI applies inline styles; only its own pages allow them (never inline script).
    transformStaticCSP: (policy) => policy.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  });

  // Decorates requests with `customer` and the app with the preHandlers routes ask for (authenticate, requireAdmin).
  await app.register(authentication, { deps });

  await app.register(operationsRoutes, { deps, redis: options.redis });
  const api = { deps, prefix: "/api/v1" };
  await app.register(accountsRoutes, api);
  await app.register(eventsRoutes, api);
  await app.register(purchasesRoutes, api);
  await app.register(paymentsRoutes, api);
  await app.register(ticketsRoutes, api);
  await app.register(checkinRoutes, api);
  await app.register(adminRoutes, api);
  await app.register(adminEventsRoutes, api);
  await app.register(adminCustomersRoutes, api);
  const sandbox = deps.payments.sandbox;
  if (sandbox) await app.register(sandboxCheckoutRoutes, { deps, sandbox });
  if (!deps.config.isProduction) await app.register(devInboxRoutes, { deps });

  const hasWebapp = existsSync(webappDist);
  if (hasWebapp) await app.register(fastifyStatic, { root: webappDist, wildcard: false, index: false });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isPage = request.method === "GET" && !serverPaths.test(path) && !path.includes(".");
    if (isPage && hasWebapp) return reply.type("text/html").sendFile("index.html");
    return reply.status(404).send(errorBody("NOT_FOUND", `No route for ${request.method} ${path}`));
  });
  return app;
}

/** Paths the server answers itself, never with the webapp: where they are not mounted, a real 404. */
const serverPaths = /^\/(api|dev|payments\/sandbox|health|metrics)(\/|$)/;

/**
 * Fastify 5.12 ignores a bare hop count (it cannot tell a proxy from a client that reaches the server
 * directly), so the count becomes a trust function; README: use it only when the proxies are the only way in.
 */
function trustProxy(setting: Config["TRUST_PROXY"]) {
  return typeof setting === "number" ? (_address: string, hop: number) => hop < setting : setting;
}

/** helmet's headers with a policy that allows no inline script or style anywhere. */
function securityHeaders(config: Config) {
  const formTargets = new Set([new URL(config.FRONTEND_URL).origin, new URL(config.PUBLIC_API_URL).origin]);
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        // The sandbox checkout's forms redirect to the webapp (FRONTEND_URL), which may be another origin.
        formAction: ["'self'", ...formTargets],
      },
    },
    frameguard: { action: "deny" as const },
    // Claim links carry their token in the URL (/signup?token=…): no page may pass it on as a referrer.
    referrerPolicy: { policy: "no-referrer" as const },
  };
}
