import {
  type ErrorCode,
  errorResponseSchema,
  isValidationKey,
  VALIDATION_MESSAGES,
  type ValidationIssue,
} from "@ticketrunners/shared";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError, errorBody } from "./app-error";

/**
 * Every route's error answers, for its `response` schema: any 4xx or 5xx is `{"error":{code,message,details?}}`.
 * Fastify picks these by status class (an exact status a route declares wins), and @fastify/swagger
 * documents them as 4XX and 5XX.
 */
export const errorResponses = {
  "4xx": {
    description: "Refused: `error.code` (one of ErrorCode) says why; VALIDATION_ERROR lists the fields.",
    content: { "application/json": { schema: errorResponseSchema } },
  },
  "5xx": {
    description: "INTERNAL_ERROR, or 503 DATABASE_UNAVAILABLE (safe to retry).",
    content: { "application/json": { schema: errorResponseSchema } },
  },
};

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
};

/** Every error leaves as `{"error":{code,message,details?}}`; a 5xx never shows its cause. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send(errorBody(err.code, err.message, err.details));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // Shared schemas carry a ValidationKey as each message; anything else (zod's own English, a
      // backend-only schema) is `invalid`. The English words come from the key, never from zod.
      const details = err.validation.map((v): ValidationIssue => {
        const key = isValidationKey(v.message) ? v.message : "invalid";
        return {
          field: [err.validationContext, ...v.instancePath.split("/").filter(Boolean)].join("."),
          key,
          message: VALIDATION_MESSAGES[key],
        };
      });
      return reply
        .status(400)
        .send(errorBody("VALIDATION_ERROR", details[0]?.message ?? VALIDATION_MESSAGES.invalid, details));
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        fastifyCodes[err.code] ??
        (err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError ? "INVALID_JSON" : "BAD_REQUEST");
      return reply.status(status).send(errorBody(code, publicMessage(code, err.message)));
    }
    if (isDatabaseUnavailable(err)) {
      request.log.warn({ err }, "database connection lost during the request");
      return reply
        .status(503)
        .header("retry-after", "1")
        .send(errorBody("DATABASE_UNAVAILABLE", "The service is briefly unavailable. Please try again."));
    }
    request.log.error({ err }, "unhandled error");
    return reply.status(500).send(errorBody("INTERNAL_ERROR", "Something went wrong on our side."));
  });
}

function publicMessage(code: ErrorCode, fallback: string): string {
  switch (code) {
    case "INVALID_JSON":
      return "The request body is not valid JSON.";
    case "UNSUPPORTED_MEDIA_TYPE":
      return "Send the request body as application/json.";
    case "PAYLOAD_TOO_LARGE":
      return "The request body is too large.";
    default:
      return fallback.slice(0, 200);
  }
}

const CONNECTION_ERRORS = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "57P01", "57P02", "57P03"]);
const CONNECTION_MESSAGES =
  /Connection terminated|not queryable|Connection ended|timeout exceeded when trying to connect/i;

/**
 * A lost or refused database connection (failover, restart, pg_terminate_backend) is the service being
 * briefly unavailable, not a bug: the transaction rolled back, so the client may safely retry.
 */
function isDatabaseUnavailable(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 5;
    depth++
  ) {
    const code = typeof e.code === "string" ? e.code : "";
    if (CONNECTION_ERRORS.has(code) || code.startsWith("08")) return true;
    if (typeof e.message === "string" && CONNECTION_MESSAGES.test(e.message)) return true;
    e = e.cause as typeof e;
  }
  return false;
}
