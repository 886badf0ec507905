import type { Db, DbOrTx, Tx } from "./client";

const afterCommitHooks = new WeakMap<DbOrTx, (() => void)[]>();

/**
 * Runs `fn` in one database transaction; what its steps asked to do once the change is committed
 * (waking the notification worker for the messages it queued) runs after the commit, and never if it
 * rolled back.
 */
export async function inTransaction<T>(deps: { db: Db }, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const hooks: (() => void)[] = [];
  const result = await deps.db.transaction(async (tx) => {
    afterCommitHooks.set(tx, hooks);
    return fn(tx);
  });
  for (const hook of new Set(hooks)) hook();
  return result;
}

/**
 * Asks for `hook` to run once the transaction `tx` commits. Outside `inTransaction` (a statement on
 * the plain database handle is committed as it runs) it runs at once.
 */
export function afterCommit(tx: DbOrTx, hook: () => void): void {
  const hooks = afterCommitHooks.get(tx);
  if (hooks) hooks.push(hook);
  else hook();
}
