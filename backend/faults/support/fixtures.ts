import { loadConfig } from "../../src/config";
import type { Db } from "../../src/db/client";
import type { Deps } from "../../src/deps";
import { SecretBox } from "../../src/notifications/sealed-secrets";
import type { SandboxWebhookBody } from "../../src/payments/providers/sandbox";
import { systemClock } from "../../src/shared/clock";
import { type SeedDeps, sandboxWebhook } from "../../src/test-support/factories";
import type { FakeHttpServer } from "../../src/test-support/fakes/http-server";
import type { FakeSmtpServer } from "../../src/test-support/fakes/smtp-server";
import { FAULT_JWT_SECRET, FAULT_WEBHOOK_SECRET } from "./processes";

// The suite's people, events and purchases come from test-support/factories.ts; this file only says
// how the processes the suite starts are configured, so what the factories write is what they read.

/** What startSession and queueMessage need, configured like the processes the suite starts. */
export const faultDeps: Pick<Deps, "config" | "clock" | "secrets" | "wakeWorker"> = {
  config: loadConfig({ NODE_ENV: "test", JWT_SECRET: FAULT_JWT_SECRET, DATA_DIR: "/tmp/ticketrunners-faults-unused" }),
  clock: systemClock,
  secrets: new SecretBox(FAULT_JWT_SECRET),
  // The suite's servers poll the outbox themselves.
  wakeWorker: () => {},
};

/** Where the factories write for a scenario: its database, with the servers' secrets and the real clock. */
export const seedFor = (db: Db): SeedDeps => ({ ...faultDeps, db });

/** A sandbox gateway webhook signed with the servers' webhook secret, now. */
export const signedWebhook = (body: SandboxWebhookBody) => sandboxWebhook(body, { secret: FAULT_WEBHOOK_SECRET });

/** The settings that send a server's SMS to the fake gateway and its email to the fake SMTP server. */
export const fakeProviders = (gateway: FakeHttpServer, smtp: FakeSmtpServer) => ({
  SMS_PROVIDER: "http",
  SMS_HTTP_URL: `${gateway.origin}/send`,
  SMS_HTTP_TOKEN: "gateway-token",
  EMAIL_HOST: "127.0.0.1",
  EMAIL_PORT: String(smtp.port),
  EMAIL_USE_TLS: "false",
});
