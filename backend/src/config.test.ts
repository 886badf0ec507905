import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dataDir = () => mkdtempSync(join(tmpdir(), "tr-config-"));

/** Every production refusal satisfied; each test below breaks exactly one thing. */
const production = {
  NODE_ENV: "production",
  JWT_SECRET: "x".repeat(40),
  PAYMENT_WEBHOOK_SECRET: "whsec",
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: "https://sms.example.com/send",
  EMAIL_HOST: "smtp.example.com",
  PAYMENT_PROVIDER: "kashier",
  KASHIER_MERCHANT_ID: "MID-1",
  KASHIER_API_KEY: "kashier-key",
  METRICS_TOKEN: "metrics-token-0123456789",
  TICKET_SIGNING_KEY: Buffer.alloc(32, 9).toString("base64url"),
};

/** The ConfigError loadConfig throws for `env` (fails the test when it starts instead). */
function refusal(env: Record<string, string | undefined>): string {
  try {
    loadConfig({ DATA_DIR: dataDir(), ...env });
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error(`expected a refusal for ${JSON.stringify(env)}`);
}

/** A valid TICKET_SIGNING_KEY: 32 random-looking bytes in base64url. */
const seed = Buffer.alloc(32, 7).toString("base64url");

describe("configuration", () => {
  it("runs with no settings at all: PGlite, console SMS, dev-inbox mail, sandbox payments, port 8000", () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    expect(config).toMatchObject({
      PORT: 8000,
      SMS_PROVIDER: "console",
      PAYMENT_PROVIDER: "sandbox",
      DEFAULT_PHONE_REGION: "EG",
      REGISTRATION_TOKEN_TTL_DAYS: 7,
      WORKER: true,
      FRONTEND_URL: "http://localhost:8000",
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.EMAIL_HOST).toBeUndefined();
  });

  it("generates a development JWT secret once and keeps it in DATA_DIR", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir });
    const second = loadConfig({ DATA_DIR: dir });
    expect(first.JWT_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(second.JWT_SECRET).toBe(first.JWT_SECRET);
    expect(readFileSync(join(dir, "jwt-secret"), "utf8").trim()).toBe(first.JWT_SECRET);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT"],
    [{ DATABASE_URL: "mysql://localhost/db" }, "DATABASE_URL"],
    [{ SMS_PROVIDER: "carrier-pigeon" }, "SMS_PROVIDER"],
    [{ DEFAULT_PHONE_REGION: "egypt" }, "DEFAULT_PHONE_REGION"],
    [{ REGISTRATION_TOKEN_TTL_DAYS: "0" }, "REGISTRATION_TOKEN_TTL_DAYS"],
    [{ EMAIL_USE_TLS: "maybe" }, "EMAIL_USE_TLS"],
    [{ FRONTEND_URL: "not a url" }, "FRONTEND_URL"],
    [{ SMS_PROVIDER: "twilio" }, "TWILIO_ACCOUNT_SID"],
    [{ SMS_PROVIDER: "http" }, "SMS_HTTP_URL"],
    [{ NODE_ENV: "production" }, "JWT_SECRET"],
    [{ NODE_ENV: "production", JWT_SECRET: "x".repeat(40) }, "PAYMENT_WEBHOOK_SECRET"],
    [{ NODE_ENV: "production", JWT_SECRET: "x".repeat(40), PAYMENT_WEBHOOK_SECRET: "whsec" }, "SMS_PROVIDER"],
    [
      {
        NODE_ENV: "production",
        JWT_SECRET: "x".repeat(40),
        PAYMENT_WEBHOOK_SECRET: "whsec",
        SMS_PROVIDER: "http",
        SMS_HTTP_URL: "https://sms.example.com/send",
      },
      "EMAIL_HOST",
    ],
    [{ JWT_SECRET: "short" }, "JWT_SECRET"],
  ])("stops with one line naming the bad variable for %o", (env, name) => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain(name);
    expect(message).not.toContain("\n");
  });

  it("starts in production once the secrets and real providers are configured", () => {
    const config = loadConfig({ DATA_DIR: dataDir(), ...production });
    expect(config.isProduction).toBe(true);
    expect(config.PAYMENT_PROVIDER).toBe("kashier");
  });

  it("never echoes a secret's value in its error", () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: "tooshort-secret" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("tooshort-secret") }),
    );
  });
});

describe("production refusals", () => {
  it.each([
    // The sandbox's unauthenticated Pay button would issue paid tickets for nothing.
    [{ PAYMENT_PROVIDER: "sandbox" }, "PAYMENT_PROVIDER"],
    [{ PAYMENT_PROVIDER: undefined }, "PAYMENT_PROVIDER"],
    [{ METRICS_TOKEN: undefined }, "METRICS_TOKEN"],
    [{ METRICS_TOKEN: "" }, "METRICS_TOKEN"],
    [{ TRUST_PROXY: "true" }, "TRUST_PROXY"],
    [{ TICKET_SIGNING_KEY: "not-a-key" }, "TICKET_SIGNING_KEY"],
    // Without it nobody could tell a forged door code from ours.
    [{ TICKET_SIGNING_KEY: undefined }, "TICKET_SIGNING_KEY"],
    [{ TICKET_SIGNING_KEY: "" }, "TICKET_SIGNING_KEY"],
  ])("refuses %o with one line naming the variable", (change, name) => {
    const message = refusal({ ...production, ...change });
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${name} `));
    expect(message).not.toContain("\n");
  });

  it("says why the sandbox is refused", () => {
    expect(refusal({ ...production, PAYMENT_PROVIDER: "sandbox" })).toMatch(/kashier.*sandbox.*without any payment/);
  });

  it("keeps the sandbox outside production", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "test" }).PAYMENT_PROVIDER).toBe("sandbox");
  });
});

describe("DEMO_DATA", () => {
  it("is off by default in production and on elsewhere", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), ...production }).DEMO_DATA).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir() }).DEMO_DATA).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), NODE_ENV: "test" }).DEMO_DATA).toBe(true);
    // .env.example leaves it empty: the same defaults.
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, DEMO_DATA: "" }).DEMO_DATA).toBe(false);
    expect(loadConfig({ DATA_DIR: dataDir(), DEMO_DATA: "" }).DEMO_DATA).toBe(true);
  });

  it("can still be set either way", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, DEMO_DATA: "true" }).DEMO_DATA).toBe(true);
    expect(loadConfig({ DATA_DIR: dataDir(), DEMO_DATA: "false" }).DEMO_DATA).toBe(false);
    expect(refusal({ DEMO_DATA: "sometimes" })).toContain("DEMO_DATA");
  });
});

describe("TRUST_PROXY", () => {
  it.each([
    [undefined, false],
    ["", false],
    ["false", false],
    ["off", false],
    ["0", false],
    ["1", 1],
    [" 2 ", 2],
    ["10.0.0.5", ["10.0.0.5"]],
    ["10.0.0.5, 10.0.1.0/24,::1,2001:db8::/32", ["10.0.0.5", "10.0.1.0/24", "::1", "2001:db8::/32"]],
  ])("reads %j as %j", (value, expected) => {
    expect(loadConfig({ DATA_DIR: dataDir(), TRUST_PROXY: value }).TRUST_PROXY).toEqual(expected);
  });

  it.each(["true", "TRUE", "yes", "on"])("refuses %j, saying what to write instead", (value) => {
    const message = refusal({ TRUST_PROXY: value });
    expect(message).toMatch(/^Invalid configuration: TRUST_PROXY /);
    expect(message).toContain("any client could forge X-Forwarded-For");
    expect(message).toContain("number of proxies");
    expect(message).not.toContain("\n");
  });

  it.each([
    "*",
    "loopback",
    "10.0.0.256",
    "10.0.0.5,",
    "10.0.0.5,proxy.internal",
    "10.0.0.0/33",
    "10.0.0.0/",
    "10.0.0.0/8/8",
    "::/129",
    // A range that covers every address is "trust everyone" again.
    "0.0.0.0/0",
    "::/0",
    "-1",
    "1.5",
    "11",
    "999999",
  ])("refuses %j with one line naming it", (value) => {
    const message = refusal({ TRUST_PROXY: value });
    expect(message).toMatch(/^Invalid configuration: TRUST_PROXY /);
    expect(message).not.toContain("\n");
  });

  it("quotes a bad entry so that a newline in the setting cannot split the line", () => {
    const message = refusal({ TRUST_PROXY: "10.0.0.5,evil\nInvalid configuration: nothing" });
    expect(message).not.toContain("\n");
    expect(message).toContain('"evil\\nInvalid configuration: nothing"');
  });
});

describe("TICKET_SIGNING_KEY", () => {
  it("is read as the base64url text it was given", () => {
    expect(loadConfig({ DATA_DIR: dataDir(), TICKET_SIGNING_KEY: seed }).TICKET_SIGNING_KEY).toBe(seed);
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, TICKET_SIGNING_KEY: seed }).TICKET_SIGNING_KEY).toBe(seed);
    expect(loadConfig({ DATA_DIR: dataDir(), TICKET_SIGNING_KEY: `${seed}=` }).TICKET_SIGNING_KEY).toBe(`${seed}=`);
  });

  it("outside production is generated once and kept in DATA_DIR, so door codes survive a restart", () => {
    const dir = dataDir();
    const first = loadConfig({ DATA_DIR: dir }).TICKET_SIGNING_KEY;
    expect(Buffer.from(first, "base64url")).toHaveLength(32);
    expect(loadConfig({ DATA_DIR: dir, TICKET_SIGNING_KEY: "" }).TICKET_SIGNING_KEY).toBe(first);
    expect(loadConfig({ DATA_DIR: dataDir() }).TICKET_SIGNING_KEY).not.toBe(first);
  });

  it.each([
    ["31 bytes", Buffer.alloc(31, 7).toString("base64url")],
    ["33 bytes", Buffer.alloc(33, 7).toString("base64url")],
    ["64 bytes (a whole private key, not a seed)", Buffer.alloc(64, 7).toString("base64url")],
    ["standard base64 with + and /", Buffer.alloc(32, 0xfb).toString("base64")],
    ["hex", Buffer.alloc(32, 7).toString("hex")],
    // The 43rd character carries 2 spare bits; set one and it still decodes to the same 32 bytes.
    ["a non-canonical last character", `${seed.slice(0, -1)}${seed.endsWith("c") ? "d" : "?"}`],
    ["a passphrase", "correct horse battery staple correct horse"],
    ["whitespace around it", ` ${seed}`],
  ])("refuses %s without echoing the key", (_what, value) => {
    const message = refusal({ TICKET_SIGNING_KEY: value });
    expect(message).toMatch(/^Invalid configuration: TICKET_SIGNING_KEY /);
    expect(message).not.toContain("\n");
    expect(message).not.toContain(value.trim());
  });
});

describe("REDIS_URL", () => {
  it("is optional and takes redis:// and rediss:// URLs", () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).REDIS_URL).toBeUndefined();
    expect(loadConfig({ DATA_DIR: dataDir(), REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    for (const url of ["redis://127.0.0.1:6379", "rediss://:secret@cache.internal:6380/2"]) {
      expect(loadConfig({ DATA_DIR: dataDir(), REDIS_URL: url }).REDIS_URL).toBe(url);
    }
  });

  it.each(["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://", "redis://host name"])(
    "refuses %j with one line naming it",
    (url) => {
      const message = refusal({ REDIS_URL: url });
      expect(message).toMatch(/^Invalid configuration: REDIS_URL /);
      expect(message).not.toContain("\n");
    },
  );

  it("never echoes the URL (it may carry a password)", () => {
    expect(refusal({ REDIS_URL: "http://:hunter2-redis@cache:6379" })).not.toContain("hunter2");
  });
});
