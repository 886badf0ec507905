import { lt } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";

/** A page of a newest-first operator list, filtered by status. */
export interface ListQuery<S> {
  status?: S;
  limit: number;
  /** Cursor: only rows created before this instant (the last row's created_at of the previous page). */
  before?: string;
}

/** The `before` cursor's condition: rows older than the previous page's last one (every row on the first page). */
export const olderThan = (column: PgColumn, before: string | undefined) =>
  before ? lt(column, new Date(before)) : undefined;
