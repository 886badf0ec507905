import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { normalizeMobileNumber } from "@ticketrunners/shared";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === "" ? undefined : v));

/** An address, or a CIDR range narrower than "everything" (0.0.0.0/0 would trust every hop, like `true`). */
function isProxyAddress(entry: string): boolean {
  const [address = "", prefix, ...rest] = entry.split("/");
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) >= 1 && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxyHelp =
  "set the number of proxies in front of the server (e.g. 1) or their addresses (e.g. 10.0.0.5,10.0.1.0/24)";

/** `false`, a hop count, or the proxies' addresses: Fastify then takes the right-most address no proxy vouches for. */
const trustProxy = z
  .string()
  .optional()
  .transform((raw, ctx): false | number | string[] => {
    const value = (raw ?? "").trim();
    const keyword = value.toLowerCase();
    if (["", "false", "no", "off", "0"].includes(keyword)) return false;
    if (["true", "yes", "on"].includes(keyword)) {
      ctx.addIssue({
        code: "custom",
        message: `must not be ${keyword}: that trusts every hop, so any client could forge X-Forwarded-For; ${trustProxyHelp}`,
      });
      return z.NEVER;
    }
    if (/^\d+$/.test(value)) {
      // A count above the real number of proxies lets clients choose their address again.
      if (Number(value) > 10)
        ctx.addIssue({ code: "custom", message: `must be at most 10 proxies; ${trustProxyHelp}` });
      return Number(value);
    }
    const entries = value.split(",").map((entry) => entry.trim());
    const bad = entries.find((entry) => !isProxyAddress(entry));
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `has ${JSON.stringify(bad)}, which is not an IP address or a CIDR range; write false, or ${trustProxyHelp}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/** 32 bytes (an Ed25519 seed) in canonical base64url, with or without its one `=` of padding. */
const isSigningSeed = (value: string) =>
  /^[A-Za-z0-9_-]{43}=?$/.test(value) &&
  Buffer.from(value, "base64url").toString("base64url") === value.replace(/=$/, "");

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
  /** Behind reverse proxies: how many (or which) hops may set X-Forwarded-For; unset, the client cannot. */
  TRUST_PROXY: trustProxy,
  RATE_LIMIT_SCALE: z.coerce.number().positive().max(1_000_000).default(1),
  /** Shares per-client rate limits between API processes; without it each process counts alone. */
  REDIS_URL: optionalString.pipe(
    z
      .string()
      .regex(/^rediss?:\/\/\S+$/, "must start with redis:// or rediss://")
      .refine((url) => URL.canParse(url), "is not a valid URL")
      .optional(),
  ),
  /** When set, GET /metrics needs `Authorization: Bearer <token>`; required in production. */
  METRICS_TOKEN: optionalString,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Unset or empty: on in development, off in production. */
  DEMO_DATA: z
    .literal("")
    .transform(() => undefined)
    .or(bool)
    .optional(),
  /** Operators: these numbers hold the admin role once verified by OTP (sign-up or login). */
  ADMIN_MOBILE_NUMBERS: optionalString,
  /** Signs ticket QR codes (Ed25519 seed, base64url). */
  TICKET_SIGNING_KEY: optionalString.pipe(
    z
      .string()
      .refine(
        isSigningSeed,
        "must be 32 random bytes in base64url (43 characters), e.g. the output of node -p \"crypto.randomBytes(32).toString('base64url')\"",
      )
      .optional(),
  ),
  /** Free tickets (price 0) one buyer may book per event. */
  FREE_TICKETS_PER_BUYER: z.coerce.number().int().min(0).max(100).default(4),
  /** Distinct numbers one buyer may send tickets to per 24 h (gifts, transfers, reassignments). */
  GIFT_NUMBERS_PER_DAY: z.coerce.number().int().min(0).max(10_000).default(30),
  /** Hours after a gift's first message before its unclaimed recipient is reminded (fractions allowed). */
  CLAIM_REMINDER_AFTER_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 365)
    .default(72),
  /** No reminders between these hours of the event's time zone ("21-9": 21:00 to 09:00); empty for none. */
  QUIET_HOURS: z
    .string()
    .regex(/^(?:|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/, 'must be like "21-9" (from hour-to hour, 0-23), or empty')
    .default("21-9")
    .transform((v) => {
      const [from, to] = v.split("-").map(Number);
      return v === "" || from === undefined || to === undefined || from === to ? null : { from, to };
    }),
});

export type Env = z.infer<typeof envSchema>;

export type Config = Omit<
  Env,
  | "JWT_SECRET"
  | "FRONTEND_URL"
  | "DATA_DIR"
  | "PUBLIC_API_URL"
  | "DEMO_DATA"
  | "TICKET_SIGNING_KEY"
  | "ADMIN_MOBILE_NUMBERS"
> & {
  JWT_SECRET: string;
  /** Ed25519 seed (base64url) that signs door codes. */
  TICKET_SIGNING_KEY: string;
  /** Numbers (E.164) that hold the admin role once verified by OTP. */
  ADMIN_MOBILE_NUMBERS: string[];
  DEMO_DATA: boolean;
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
    if (e.PAYMENT_PROVIDER === "sandbox")
      throw missing(
        "PAYMENT_PROVIDER",
        "must be kashier in production, not sandbox (the sandbox checkout's Pay button issues paid tickets without any payment)",
      );
    if (!e.METRICS_TOKEN)
      throw missing("METRICS_TOKEN", "is required in production (without it GET /metrics is public)");
    if (!e.TICKET_SIGNING_KEY)
      throw missing("TICKET_SIGNING_KEY", "is required in production (it signs the tickets' door codes)");
  }
  const adminNumbers: string[] = [];
  for (const typed of (e.ADMIN_MOBILE_NUMBERS ?? "")
    .split(",")
    .map((n) => n.trim())
    .filter(Boolean)) {
    const number = normalizeMobileNumber(typed, e.DEFAULT_PHONE_REGION);
    if (!number)
      throw missing("ADMIN_MOBILE_NUMBERS", `has ${JSON.stringify(typed)}, which is not a valid mobile number`);
    adminNumbers.push(number);
  }

  const frontendUrl = (e.FRONTEND_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  return {
    ...e,
    DATA_DIR: dataDir,
    DEMO_DATA: e.DEMO_DATA ?? !isProduction,
    JWT_SECRET: e.JWT_SECRET ?? developmentSecret(dataDir, "jwt-secret", 48),
    TICKET_SIGNING_KEY: e.TICKET_SIGNING_KEY ?? developmentSecret(dataDir, "ticket-signing-key", 32),
    ADMIN_MOBILE_NUMBERS: adminNumbers,
    FRONTEND_URL: frontendUrl,
    PUBLIC_API_URL: (e.PUBLIC_API_URL ?? frontendUrl).replace(/\/+$/, ""),
    isProduction,
  };
}

/**
 * Outside production a secret is generated once and kept in DATA_DIR, so sessions and door codes
 * survive restarts.
 */
function developmentSecret(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(bytes).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
