import { type AdminCustomer, normalizeMobileNumber, type Role } from "@ticketrunners/shared";
import { and, desc, eq, ilike, or } from "drizzle-orm";
import { olderThan } from "../db/paging";
import { customers, refreshTokens } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { recordAudit } from "../shared/audit";

type CustomerRow = typeof customers.$inferSelect;

const toAdminCustomer = (c: CustomerRow): AdminCustomer => ({
  id: c.id,
  name: c.name,
  mobile_number: c.mobileNumber,
  email: c.email,
  role: c.role,
  status: c.status,
  created_at: c.createdAt.toISOString(),
});

/** LIKE's own characters in what an operator typed are meant literally. */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * GET /admin/customers/?q=: by part of the name (any case) or by number (any spelling of it), newest
 * first, a page at a time (`before`: the last row's created_at).
 */
export async function searchCustomers(
  deps: Pick<Deps, "db" | "config">,
  query: { q?: string; limit: number; before?: string },
) {
  const q = query.q?.trim();
  const number = q ? normalizeMobileNumber(q, deps.config.DEFAULT_PHONE_REGION) : undefined;
  const matches = q
    ? or(ilike(customers.name, `%${likeLiteral(q)}%`), number ? eq(customers.mobileNumber, number) : undefined)
    : undefined;
  const rows = await deps.db
    .select()
    .from(customers)
    .where(and(matches, olderThan(customers.createdAt, query.before)))
    .orderBy(desc(customers.createdAt), desc(customers.id))
    .limit(query.limit);
  return {
    customers: rows.map(toAdminCustomer),
    next_before: rows.length === query.limit ? (rows.at(-1)?.createdAt.toISOString() ?? null) : null,
  };
}

/**
 * An audited change to a customer. An operator cannot ban themselves or take their own role away: the
 * console would lock its last operator out. A ban or a role applies at their next request.
 */
async function changeCustomer(
  deps: Pick<Deps, "db" | "clock">,
  actor: { id: string },
  customerId: string,
  action: string,
  change: Partial<Pick<CustomerRow, "status" | "role">>,
): Promise<AdminCustomer> {
  if (customerId === actor.id) {
    throw new AppError("CANNOT_CHANGE_OWN_ACCOUNT", 409, "Operators cannot ban themselves or change their own role.");
  }
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const [before] = await tx.select().from(customers).where(eq(customers.id, customerId)).for("update");
    if (!before) throw new AppError("CUSTOMER_NOT_FOUND", 404, "This customer does not exist.");
    const [after] = await tx.update(customers).set(change).where(eq(customers.id, customerId)).returning();
    if (!after) throw new AppError("CUSTOMER_NOT_FOUND", 404, "This customer does not exist.");
    if (change.status === "banned") {
      // Their sessions end now: no refresh token of theirs works again.
      await tx.update(refreshTokens).set({ revokedAt: now }).where(eq(refreshTokens.customerId, customerId));
    }
    await recordAudit(tx, now, {
      actorId: actor.id,
      action,
      targetType: "customer",
      targetId: customerId,
      before: { status: before.status, role: before.role },
      after: { status: after.status, role: after.role },
    });
    return toAdminCustomer(after);
  });
}

export const banCustomer = (deps: Pick<Deps, "db" | "clock">, actor: { id: string }, id: string) =>
  changeCustomer(deps, actor, id, "customer.banned", { status: "banned" });

export const unbanCustomer = (deps: Pick<Deps, "db" | "clock">, actor: { id: string }, id: string) =>
  changeCustomer(deps, actor, id, "customer.unbanned", { status: "active" });

export const setCustomerRole = (deps: Pick<Deps, "db" | "clock">, actor: { id: string }, id: string, role: Role) =>
  changeCustomer(deps, actor, id, "customer.role_changed", { role });
