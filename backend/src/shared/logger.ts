import pino, { type DestinationStream, type Logger } from "pino";

const SECRET_PARAMS = "token|registration_token|signup_token|otp|otp_code|code|password|refresh|access|secret";
const SECRET_NAME = new RegExp(`^\\s*(?:${SECRET_PARAMS})\\s*$`, "i");
/** A value that is itself a URL or query carrying a secret (`next=%2Fsignup%3Ftoken%3D…`). */
const SECRET_INSIDE = new RegExp(`(?:^|[?&#;/])(?:${SECRET_PARAMS})\\s*=`, "i");

/** Undoes percent-encoding (also twice-applied), byte by byte, never throwing on a malformed one. */
function percentDecoded(value: string): string {
  let current = value;
  for (let round = 0; round < 4; round++) {
    const next = current
      .replace(/\+/g, " ")
      .replace(/%([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * Request URLs carry claim tokens in query strings; logs keep the parameter name only. The name is
 * compared after decoding (`%74oken=` is `token=`), and a value that hides a secret-bearing URL goes too.
 */
export function redactUrl(url: string): string {
  const start = url.indexOf("?");
  if (start < 0) return url;
  const hash = url.indexOf("#", start);
  const query = url.slice(start + 1, hash < 0 ? undefined : hash);
  const redacted = query.split("&").map((part) => {
    const eq = part.indexOf("=");
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? "" : part.slice(eq + 1);
    const secret = SECRET_NAME.test(percentDecoded(name)) || SECRET_INSIDE.test(percentDecoded(value));
    return secret ? `${name}=[REDACTED]` : part;
  });
  return `${url.slice(0, start)}?${redacted.join("&")}${hash < 0 ? "" : "#[REDACTED]"}`;
}

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
          "*.signup_token",
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
