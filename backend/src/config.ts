import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(8000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).default("./data"),
  FRONTEND_URL: z.url().optional(),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  DEFAULT_PHONE_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a two-letter region code such as EG")
    .default("EG"),
  REGISTRATION_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  SMS_PROVIDER: z.enum(["console", "twilio", "http"]).default("console"),
  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_FROM: optionalString,
  TWILIO_API_BASE: z.url().default("https://api.twilio.com"),
  SMS_HTTP_URL: z.url().optional(),
  SMS_HTTP_TOKEN: optionalString,
  EMAIL_HOST: optionalString,
  EMAIL_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  EMAIL_HOST_USER: optionalString,
  EMAIL_HOST_PASSWORD: optionalString,
  EMAIL_USE_TLS: bool.default(true),
  DEFAULT_FROM_EMAIL: z.string().min(3).default("TicketRunners <no-reply@ticketrunners.local>"),
  PAYMENT_PROVIDER: z.enum(["sandbox", "kashier"]).default("sandbox"),
  PAYMENT_WEBHOOK_SECRET: optionalString,
  KASHIER_MERCHANT_ID: optionalString,
  KASHIER_API_KEY: optionalString,
  KASHIER_BASE_URL: z.url().default("https://payments.kashier.io"),
  KASHIER_MODE: z.enum(["test", "live"]).default("test"),
  /** Where gateways reach this server (webhooks); defaults to FRONTEND_URL, which serves the API too. */
  PUBLIC_API_URL: z.url().optional(),
  WORKER: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(200).default(16),
  /** How long a worker owns a claimed message before another may retry it (a crashed worker's rows). */
  WORKER_LEASE_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
  /** First retry delay; each later one doubles (with jitter) up to an hour. */
  WORKER_RETRY_BASE_MS: z.coerce.number().int().min(10).max(3_600_000).default(2_000),
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (else it could be forged). */
  TRUST_PROXY: bool.default(false),
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  METRICS_TOKEN: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO_DATA: bool.default(true),
  /** Free tickets (price 0) one buyer may book per event. */
  FREE_TICKETS_PER_BUYER: z.coerce.number().int().min(0).max(100).default(4),
});

export type Env = z.infer<typeof envSchema>;

export type Config = Omit<Env, "JWT_SECRET" | "FRONTEND_URL" | "DATA_DIR" | "PUBLIC_API_URL"> & {
  JWT_SECRET: string;
  FRONTEND_URL: string;
  PUBLIC_API_URL: string;
  DATA_DIR: string;
  isProduction: boolean;
};

export class ConfigError extends Error {}

/** Parses the environment; throws a ConfigError whose message is one line naming the bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? "is invalid"}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  const dataDir = resolve(e.DATA_DIR);

  const missing = (name: string, why: string) => new ConfigError(`Invalid configuration: ${name} ${why}`);
  if (e.SMS_PROVIDER === "twilio") {
    for (const k of ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN", "TWILIO_FROM"] as const) {
      if (!e[k]) throw missing(k, "is required when SMS_PROVIDER=twilio");
    }
  }
  if (e.SMS_PROVIDER === "http" && !e.SMS_HTTP_URL) throw missing("SMS_HTTP_URL", "is required when SMS_PROVIDER=http");
  if (e.PAYMENT_PROVIDER === "kashier") {
    for (const k of ["KASHIER_MERCHANT_ID", "KASHIER_API_KEY"] as const) {
      if (!e[k]) throw missing(k, "is required when PAYMENT_PROVIDER=kashier");
    }
  }
  if (isProduction) {
    // Production never falls back to a development convenience that would lose money or messages.
    if (!e.JWT_SECRET) throw missing("JWT_SECRET", "is required in production");
    if (!e.PAYMENT_WEBHOOK_SECRET) throw missing("PAYMENT_WEBHOOK_SECRET", "is required in production");
    if (e.SMS_PROVIDER === "console")
      throw missing("SMS_PROVIDER", "must be twilio or http in production, not console");
    if (!e.EMAIL_HOST)
      throw missing("EMAIL_HOST", "is required in production (without it mail is only kept for the dev inbox)");
  }

  const frontendUrl = (e.FRONTEND_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    ...e,
    DATA_DIR: dataDir,
    JWT_SECRET: e.JWT_SECRET ?? developmentSecret(dataDir),
    FRONTEND_URL: frontendUrl,
    PUBLIC_API_URL: (e.PUBLIC_API_URL ?? frontendUrl).replace(/\/+$/, ""),
    isProduction,
  };
}

/** Outside production a secret is generated once and kept in DATA_DIR so sessions survive restarts. */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, "jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
