import type { AdminAuditEntry } from "@ticketrunners/shared";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { olderThan } from "../db/paging";
import { adminAudit, customers } from "../db/schema";

interface AuditEntry {
  actorId: string;
  action: string;
  targetType: "event" | "category" | "customer" | "notification";
  targetId: string;
  before?: unknown;
  after?: unknown;
}

/** Records an operator's change, in the transaction that makes it: the log and the change exist together. */
export async function recordAudit(tx: Tx, at: Date, entry: AuditEntry): Promise<void> {
  await tx.insert(adminAudit).values({ ...entry, at, before: entry.before ?? null, after: entry.after ?? null });
}

/** The audit log, newest first; `before` pages back from an entry's `at`. */
export async function listAudit(db: DbOrTx, query: { limit: number; before?: string }): Promise<AdminAuditEntry[]> {
  const rows = await db
    .select({ entry: adminAudit, actorName: customers.name })
    .from(adminAudit)
    .innerJoin(customers, eq(customers.id, adminAudit.actorId))
    .where(olderThan(adminAudit.at, query.before))
    .orderBy(desc(adminAudit.at), desc(adminAudit.id))
    .limit(query.limit);
  return rows.map(({ entry, actorName }) => ({
    at: entry.at.toISOString(),
    actor_id: entry.actorId,
    actor_name: actorName,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    before: entry.before,
    after: entry.after,
  }));
}
