import { accountSchemas } from "@ticketrunners/shared";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { createOtpSmsLimit, perMinute } from "../shared/rate-limit";
import { completeRegistration } from "./complete-registration";
import { startLogin } from "./login";
import { registerCustomer } from "./register";
import { authenticateAccessToken, rotateRefreshToken, toUser } from "./sessions";
import { verifyLoginOtp } from "./verify-login-otp";
import { verifyRegistrationOtp } from "./verify-registration-otp";

declare module "fastify" {
  interface FastifyRequest {
    customer?: Awaited<ReturnType<typeof authenticateAccessToken>>;
  }
}

/** The customer `requireCustomer` authenticated for this request. */
export function currentCustomer(request: FastifyRequest) {
  if (!request.customer) throw new AppError("UNAUTHORIZED", 401, "Please log in.");
  return request.customer;
}

/** preHandler for routes that need a signed-in customer. */
export const requireCustomer = (deps: Deps) => async (request: FastifyRequest) => {
  const header = request.headers.authorization;
  const token = header?.startsWith("Bearer ") ? header.slice(7).trim() : undefined;
  if (!token) throw new AppError("UNAUTHORIZED", 401, "Please log in.");
  request.customer = await authenticateAccessToken(deps, token);
};

export async function accountsRoutes(app: FastifyInstance, deps: Deps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const schemas = accountSchemas(deps.config.DEFAULT_PHONE_REGION);
  const tags = ["accounts"];
  // Every route that texts a code shares one hourly budget per client.
  const otpSms = createOtpSmsLimit(app, deps.config);

  r.post(
    "/users/register/",
    { schema: { tags, body: schemas.register }, config: perMinute(deps.config, 10), preHandler: otpSms },
    async (request) => registerCustomer(deps, request.body),
  );

  r.post(
    "/users/verify-otp/",
    { schema: { tags, body: schemas.verifyOtp }, config: perMinute(deps.config, 20) },
    async (request) => verifyRegistrationOtp(deps, request.body),
  );

  r.post(
    "/users/complete-registration/",
    { schema: { tags, body: schemas.completeRegistration }, config: perMinute(deps.config, 10) },
    async (request, reply) => reply.status(201).send(await completeRegistration(deps, request.body)),
  );

  r.post(
    "/users/login/",
    { schema: { tags, body: schemas.login }, config: perMinute(deps.config, 10), preHandler: otpSms },
    async (request) => startLogin(deps, request.body),
  );

  r.post(
    "/users/verify-login-otp/",
    { schema: { tags, body: schemas.verifyLoginOtp }, config: perMinute(deps.config, 20) },
    async (request) => verifyLoginOtp(deps, request.body),
  );

  r.post(
    "/users/refresh-token/",
    { schema: { tags, body: schemas.refreshToken }, config: perMinute(deps.config, 30) },
    async (request) => rotateRefreshToken(deps, request.body.refresh),
  );

  r.get(
    "/users/me/",
    { schema: { tags, security: [{ bearer: [] }] }, preHandler: requireCustomer(deps) },
    async (request) => toUser(currentCustomer(request)),
  );
}
