import { sql } from "drizzle-orm";
import type { Db } from "../../src/db/client";

/** The rows of a raw query. */
export async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface PurchaseAccounting {
  payments: Record<string, number>;
  ticketsIssued: number;
  /** Tickets the paid payments should have: the sum of their quantities. */
  ticketsExpected: number;
  /** Paid payments missing tickets, or unpaid ones holding some: each is a partial purchase. */
  partialPurchases: { paymentId: string; status: string; expected: number; found: number }[];
  /** Per category: sold, and what sold should be (tickets issued + seats held by pending payments). */
  categories: { categoryId: string; capacity: number; sold: number; issued: number; held: number }[];
  /** Ticket numbers issued twice and (payment, position) pairs issued twice (both must be 0). */
  duplicateTickets: number;
}

/** Purchases as the database sees them: every payment either complete with its tickets, or without any. */
export async function purchaseAccounting(db: Db): Promise<PurchaseAccounting> {
  const perPayment = await rows<{ id: string; status: string; expected: number; found: number }>(
    db,
    sql`select p.id, p.status,
          (select coalesce(sum((i->>'quantity')::int), 0) from jsonb_array_elements(p.items) i)::int as expected,
          (select count(*) from tickets t where t.payment_id = p.id)::int as found
        from payments p`,
  );
  const payments: Record<string, number> = {};
  let ticketsExpected = 0;
  let ticketsIssued = 0;
  const partialPurchases: PurchaseAccounting["partialPurchases"] = [];
  for (const p of perPayment) {
    payments[p.status] = (payments[p.status] ?? 0) + 1;
    ticketsIssued += p.found;
    if (p.status === "paid") ticketsExpected += p.expected;
    const complete = p.status === "paid" ? p.found === p.expected : p.found === 0;
    if (!complete) partialPurchases.push({ paymentId: p.id, status: p.status, expected: p.expected, found: p.found });
  }
  const categories = await rows<PurchaseAccounting["categories"][number]>(
    db,
    sql`select c.id as "categoryId", c.capacity, c.sold,
          (select count(*) from tickets t where t.category_id = c.id)::int as issued,
          (select coalesce(sum((i->>'quantity')::int), 0) from payments p, jsonb_array_elements(p.items) i
            where p.status = 'pending' and i->>'category_id' = c.id::text)::int as held
        from ticket_categories c`,
  );
  const [dupes] = await rows<{ n: number }>(
    db,
    sql`select ((select count(*) - count(distinct ticket_number) from tickets)
              + (select count(*) - count(distinct (payment_id, position)) from tickets))::int as n`,
  );
  return {
    payments,
    ticketsIssued,
    ticketsExpected,
    partialPurchases,
    categories,
    duplicateTickets: dupes?.n ?? 0,
  };
}

export interface OutboxAccounting {
  total: number;
  byStatus: Record<string, number>;
  /** queued + sending + failed: not delivered yet and not given up on. */
  stuck: number;
  dead: number;
  sent: number;
  maxAttempts: number;
}

export async function outboxAccounting(db: Db): Promise<OutboxAccounting> {
  const byStatusRows = await rows<{ status: string; n: number; max_attempts: number }>(
    db,
    sql`select status, count(*)::int as n, max(attempts)::int as max_attempts from notifications group by status`,
  );
  const byStatus = Object.fromEntries(byStatusRows.map((r) => [r.status, r.n]));
  const n = (s: string) => byStatus[s] ?? 0;
  return {
    total: byStatusRows.reduce((sum, r) => sum + r.n, 0),
    byStatus,
    stuck: n("queued") + n("sending") + n("failed"),
    dead: n("dead"),
    sent: n("sent"),
    maxAttempts: Math.max(0, ...byStatusRows.map((r) => r.max_attempts)),
  };
}

/** True once no message is waiting, being sent or waiting for a retry. */
export async function outboxSettled(db: Db): Promise<boolean> {
  const [row] = await rows<{ n: number }>(
    db,
    sql`select count(*)::int as n from notifications where status in ('queued', 'sending', 'failed')`,
  );
  return (row?.n ?? 1) === 0;
}

/** Prints one block the reader can check at a glance, e.g. after a scenario's run. */
export function printAccounting(title: string, lines: [label: string, value: unknown][]): void {
  const width = Math.max(...lines.map(([label]) => label.length));
  const body = lines
    .map(([label, value]) => `  ${label.padEnd(width)}  ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join("\n");
  console.log(`accounting — ${title}\n${body}`);
}
