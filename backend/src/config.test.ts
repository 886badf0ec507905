import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

const dataDir = () => mkdtempSync(join(tmpdir(), "tr-config-"));

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
    const config = loadConfig({
      DATA_DIR: dataDir(),
      NODE_ENV: "production",
      JWT_SECRET: "x".repeat(40),
      PAYMENT_WEBHOOK_SECRET: "whsec",
      SMS_PROVIDER: "http",
      SMS_HTTP_URL: "https://sms.example.com/send",
      EMAIL_HOST: "smtp.example.com",
    });
    expect(config.isProduction).toBe(true);
  });

  it("never echoes a secret's value in its error", () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), JWT_SECRET: "tooshort-secret" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("tooshort-secret") }),
    );
  });
});
