import { and, count, gt, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import { DAY } from "./clock";

/** How many rows match `where` among those whose `at` falls in the day before `now`: what a daily limit counts. */
export async function countInLastDay(
  db: DbOrTx,
  table: PgTable,
  at: PgColumn,
  now: Date,
  ...where: SQL[]
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(table)
    .where(and(...where, gt(at, new Date(now.getTime() - DAY))));
  return Number(row?.n ?? 0);
}
