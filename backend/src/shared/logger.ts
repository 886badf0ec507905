import pino, { type DestinationStream, type Logger } from "pino";

const SECRET_QUERY = /([?&](?:token|registration_token|otp|otp_code|code|password|refresh|access)=)[^&#]*/gi;

/** Request URLs carry claim tokens in query strings; logs keep the parameter name only. */
export const redactUrl = (url: string) => url.replace(SECRET_QUERY, "$1[REDACTED]");

export function createLogger(level: string, stream?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          "headers.authorization",
          "*.password",
          "*.otp_code",
          "*.token",
          "*.registration_token",
          "*.refresh",
          "*.access",
          "*.secret",
        ],
        censor: "[REDACTED]",
      },
      serializers: {
        req: (req: { method: string; url: string; ip?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          url: redactUrl(req.url),
          remoteAddress: req.ip,
        }),
        err: pino.stdSerializers.err,
      },
    },
    stream,
  );
}
