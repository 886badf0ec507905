import { bigserial, index, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { belongsTo, instant } from "./columns";
import { customers } from "./customers";

/** Every change an operator makes, written in the transaction that makes it: who, what, before, after. */
export const adminAudit = pgTable(
  "admin_audit",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: instant("at").notNull(),
    actorId: belongsTo("actor_id", () => customers.id),
    /** What was done, e.g. `event.created`, `category.updated`, `customer.banned`, `notification.retried`. */
    action: text("action").notNull(),
    targetType: text("target_type", { enum: ["event", "category", "customer", "notification"] }).notNull(),
    targetId: text("target_id").notNull(),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [index("admin_audit_at_idx").on(t.at)],
);
