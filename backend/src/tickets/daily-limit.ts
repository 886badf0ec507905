import type { SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { DbOrTx } from "../db/client";
import type { AppError } from "../shared/app-error";
import { countInLastDay } from "../shared/count-in-last-day";

/** What a per-ticket daily limit counts: the rows of `table` matching `where`, dated by `at`. */
export interface DailyCount {
  table: PgTable;
  at: PgColumn;
  where: SQL[];
}

/**
 * Refuses with `refusal()` once `limit` such rows fall in the day before `now`: the one shape of the
 * per-ticket daily limits (resends of a link, changes of holder). The caller holds the ticket's lock.
 */
export async function checkDailyLimit(
  db: DbOrTx,
  counted: DailyCount,
  now: Date,
  limit: number,
  refusal: () => AppError,
): Promise<void> {
  if ((await countInLastDay(db, counted.table, counted.at, now, ...counted.where)) >= limit) throw refusal();
}
