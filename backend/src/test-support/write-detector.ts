import { count, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Db } from "../db/client";

/** What was written to one table: its net change in rows, and how many of its rows were inserted or changed. */
export interface TableWrites {
  rows: number;
  written: number;
}

/** Every table that was written, by name; `{}` when nothing was. */
export type Writes = Record<string, TableWrites>;

export const inserted = (n: number): TableWrites => ({ rows: n, written: n });
export const updated = (n: number): TableWrites => ({ rows: 0, written: n });
export const deleted = (n: number): TableWrites => ({ rows: -n, written: 0 });

export interface WriteDetector {
  /** What was written since the detector started, or since the last `take()`. */
  take(): Promise<Writes>;
}

const XID_SPACE = 2n ** 32n;

/** What PGlite and the pg pool both answer: drizzle's `execute` costs PGlite ~2 ms more a call, and this runs after every request. */
interface Queryable {
  query<R>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

/**
 * Watches every table of the database by reading the database itself, on PGlite as on Postgres:
 *
 * - Any write needs a transaction id. `pg_snapshot_xmax` is the next id to be handed out, so when it
 *   has not moved since the last look nothing was written anywhere: one tiny query, which is all most
 *   bad input costs.
 * - When it has moved (a write here, or, on a shared Postgres server, one in another test's database),
 *   one statement counts each table's rows and the rows whose `xmin` (the transaction that wrote that
 *   version of the row) is that id or newer. An insert or an update, even one that changes no value,
 *   leaves a row version with a new `xmin`; a delete lowers the count.
 *
 * Reads, row locks and rolled-back transactions leave nothing to see. Writes are seen once their
 * transaction commits, so call `take()` after the request was answered, not while it runs.
 */
export async function watchWrites(db: Db): Promise<WriteDetector> {
  const client = (db as unknown as { $client: Queryable }).$client;
  const { rows: names } = await client.query<{ name: string }>(
    "select tablename as name from pg_tables where schemaname = 'public' order by tablename",
  );
  const scan = names
    .map(
      ({ name }) =>
        `select '${name}' as name, count(*)::int as rows,
          (count(*) filter (where age(xmin) <= age($1::text::xid)))::int as written,
          pg_snapshot_xmax(pg_current_snapshot())::text as next
        from "${name}"`,
    )
    .join(" union all ");
  type Row = { name: string; rows: number; written: number; next: string };
  const look = async (since: bigint) => {
    const { rows } = await client.query<Row>(scan, [String(since % XID_SPACE)]);
    return { next: BigInt(rows[0]?.next ?? since), tables: new Map(rows.map((r) => [r.name, r])) };
  };
  const nextXid = async () =>
    BigInt(
      (await client.query<{ next: string }>("select pg_snapshot_xmax(pg_current_snapshot())::text as next")).rows[0]
        ?.next ?? 0,
    );

  let since = await nextXid();
  let counts = (await look(since)).tables;
  return {
    async take() {
      if ((await nextXid()) === since) return {};
      const now = await look(since);
      const writes: Writes = {};
      for (const [name, table] of now.tables) {
        const rows = table.rows - (counts.get(name)?.rows ?? 0);
        if (rows !== 0 || table.written !== 0) writes[name] = { rows, written: table.written };
      }
      since = now.next;
      counts = now.tables;
      return writes;
    },
  };
}

/** How many rows `table` has (that match `where`). */
export async function countRows(db: Db, table: PgTable, where?: SQL): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}
