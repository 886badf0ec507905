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
