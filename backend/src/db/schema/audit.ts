import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";

/** Every change an operator makes, written in the transaction that makes it: who, what, before, after. */
export const adminAudit = pgTable(
  "admin_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => customers.id),
    /** What was done, e.g. `event.created`, `category.updated`, `customer.banned`, `notification.retried`. */
    action: text("action").notNull(),
    targetType: text("target_type", { enum: ["event", "category", "customer", "notification"] }).notNull(),
    targetId: text("target_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("admin_audit_at_idx").on(t.at)],
);
