import { sql } from "drizzle-orm";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { type Db, rowsOf } from "../db/client";

export interface Metrics {
  registry: Registry;
  notificationsSent: Counter<"channel" | "outcome">;
  webhooks: Counter<"provider" | "outcome">;
  requestDuration: Histogram<"method" | "route" | "status">;
  /** argon2 hashes computed for sign-ups: the CPU a caller can make us spend. */
  passwordHashes: Counter;
}

/** One registry per process (tests build several apps in one process, so nothing is global). */
export function createMetrics(db: Db): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "ticketrunners_" });
  // Registered in `registry`; read only when /metrics is scraped.
  new Gauge({
    name: "ticketrunners_outbox_messages",
    help: "Outbox messages by status (queued and failed are waiting to be sent)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const result = await db.execute(sql`select status, count(*) as n from notifications group by status`);
      const rows = rowsOf<{ status: string; n: string | number }>(result);
      this.reset();
      for (const status of ["queued", "sending", "sent", "failed", "dead"]) {
        this.set({ status }, Number(rows.find((r) => r.status === status)?.n ?? 0));
      }
    },
  });
  return {
    registry,
    notificationsSent: new Counter({
      name: "ticketrunners_notification_deliveries_total",
      help: "Delivery attempts by channel and outcome (sent, failed, dead)",
      labelNames: ["channel", "outcome"],
      registers: [registry],
    }),
    webhooks: new Counter({
      name: "ticketrunners_payment_webhooks_total",
      help: "Payment webhooks by provider and outcome (paid, failed, duplicate, ignored, bad_signature)",
      labelNames: ["provider", "outcome"],
      registers: [registry],
    }),
    passwordHashes: new Counter({
      name: "ticketrunners_password_hashes_total",
      help: "Passwords hashed with argon2 for new accounts",
      registers: [registry],
    }),
    requestDuration: new Histogram({
      name: "ticketrunners_http_request_duration_seconds",
      help: "HTTP request duration by route",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
  };
}
