import type { FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { errorResponses } from "./error-handler";

/** The OpenAPI tag of routes that need a signed-in caller, and the bearer token they take. */
export const signedIn = (tag: string) => ({ tags: [tag], security: [{ bearer: [] }] });

/** A path's `{id}`: a UUID (anything else is a validation error, not a lookup). */
export const idParams = z.object({ id: z.uuid() });

/** A route's answers: its own successes, then the error answers every route may give. */
export const answers = <Success extends Record<number, z.ZodType>>(success: Success) => ({
  ...success,
  ...errorResponses,
});

type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/**
 * What an admin route declares: its tag and bearer token, and `onRequest`, which refuses a non-admin (403)
 * before their request body is even read.
 */
export const adminOnly = (app: ZodApp, tag: string) => ({ schema: signedIn(tag), onRequest: app.requireAdmin });

/**
 * An operator's one-step changes of a record (ban, publish…): `POST {base}/:id/{action}/` each, admins only
 * (see adminOnly), taking nothing but the record's id and answering with the record.
 */
export function adminActionRoutes<Answer extends z.ZodType>(
  app: ZodApp,
  base: string,
  schema: ReturnType<typeof signedIn>,
  response: Record<number, z.ZodType> & { 200: Answer },
  actions: Record<string, (actor: FastifyRequest["customer"], id: string) => Promise<z.infer<Answer>>>,
): void {
  for (const [action, change] of Object.entries(actions)) {
    app.post(
      `${base}/:id/${action}/`,
      { schema: { ...schema, params: idParams, response }, onRequest: app.requireAdmin },
      async (request) => change(request.customer, request.params.id),
    );
  }
}
