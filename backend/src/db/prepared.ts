import type { DbOrTx } from "./client";

/**
 * A query prepared once per database handle. Hot reads (the signed-in customer, My Tickets, claim-link
 * validation) join several tables; on Postgres a named prepared statement skips re-planning them on
 * every request, which costs more than running them.
 */
export function preparedQuery<T>(build: (db: DbOrTx) => T): (db: DbOrTx) => T {
  const cache = new WeakMap<object, T>();
  return (db) => {
    let query = cache.get(db);
    if (!query) {
      query = build(db);
      cache.set(db, query);
    }
    return query;
  };
}
