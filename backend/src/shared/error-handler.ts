import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "./app-error";

const fastifyCodes: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "UNSUPPORTED_MEDIA_TYPE",
  FST_ERR_CTP_BODY_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  FST_ERR_CTP_EMPTY_JSON_BODY: "INVALID_JSON",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "BAD_REQUEST",
};

/** Every error leaves as `{"error":{code,message,details?}}`; a 5xx never shows its cause. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError, request, reply) => {
    if (err instanceof AppError) {
      const body = {
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      };
      return reply.status(err.statusCode).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: [err.validationContext, ...v.instancePath.split("/").filter(Boolean)].join("."),
        message: v.message,
      }));
      return reply
        .status(400)
        .send({ error: { code: "VALIDATION_ERROR", message: details[0]?.message ?? "Invalid request", details } });
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        fastifyCodes[err.code] ??
        (err.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError ? "INVALID_JSON" : "BAD_REQUEST");
      return reply.status(status).send({ error: { code, message: publicMessage(code, err.message) } });
    }
    request.log.error({ err }, "unhandled error");
    return reply.status(500).send({ error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side." } });
  });
}

function publicMessage(code: string, fallback: string): string {
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
