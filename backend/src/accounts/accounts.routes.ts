import {
  accountSchemas,
  authTokensSchema,
  loginResponseSchema,
  registerResponseSchema,
  userSchema,
  verifyOtpResponseSchema,
} from "@ticketrunners/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Deps } from "../deps";
import { perMinute } from "../shared/rate-limit";
import { answers } from "../shared/route-schema";
import { completeRegistration } from "./complete-registration";
import { startLogin } from "./login";
import { registerCustomer } from "./register";
import { rotateRefreshToken, toUser } from "./sessions";
import { updateProfile } from "./update-profile";
import { verifyLoginOtp } from "./verify-login-otp";
import { verifyRegistrationOtp } from "./verify-registration-otp";

export const accountsRoutes: FastifyPluginAsyncZod<{ deps: Deps }> = async (app, { deps }) => {
  const schemas = accountSchemas(deps.config.DEFAULT_PHONE_REGION);
  const tags = ["accounts"];

  app.post(
    "/users/register/",
    {
      schema: { tags, body: schemas.register, response: answers({ 200: registerResponseSchema }) },
      config: perMinute(deps.config, 10),
      preHandler: app.limitOtpSms,
    },
    async (request) => registerCustomer(deps, request.body),
  );

  app.post(
    "/users/verify-otp/",
    {
      schema: { tags, body: schemas.verifyOtp, response: answers({ 200: verifyOtpResponseSchema }) },
      config: perMinute(deps.config, 20),
    },
    async (request) => verifyRegistrationOtp(deps, request.body),
  );

  app.post(
    "/users/complete-registration/",
    {
      schema: { tags, body: schemas.completeRegistration, response: answers({ 201: authTokensSchema }) },
      config: perMinute(deps.config, 10),
    },
    async (request, reply) => reply.status(201).send(await completeRegistration(deps, request.body)),
  );

  app.post(
    "/users/login/",
    {
      schema: { tags, body: schemas.login, response: answers({ 200: loginResponseSchema }) },
      config: perMinute(deps.config, 10),
      preHandler: app.limitOtpSms,
    },
    async (request) => startLogin(deps, request.body),
  );

  app.post(
    "/users/verify-login-otp/",
    {
      schema: { tags, body: schemas.verifyLoginOtp, response: answers({ 200: authTokensSchema }) },
      config: perMinute(deps.config, 20),
    },
    async (request) => verifyLoginOtp(deps, request.body),
  );

  app.post(
    "/users/refresh-token/",
    {
      schema: { tags, body: schemas.refreshToken, response: answers({ 200: authTokensSchema }) },
      config: perMinute(deps.config, 30),
    },
    async (request) => rotateRefreshToken(deps, request.body.refresh),
  );

  app.get(
    "/users/me/",
    {
      schema: { tags, security: [{ bearer: [] }], response: answers({ 200: userSchema }) },
      preHandler: app.authenticate,
    },
    async (request) => toUser(request.customer),
  );

  app.patch(
    "/users/me/",
    {
      schema: {
        tags,
        security: [{ bearer: [] }],
        body: schemas.updateMe,
        response: answers({ 200: userSchema }),
      },
      preHandler: app.authenticate,
      config: perMinute(deps.config, 20),
    },
    async (request) => updateProfile(deps, request.customer.id, request.body),
  );
};
