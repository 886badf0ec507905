import { sql } from "drizzle-orm";
import type { Tx } from "../../db/client";

/**
 * Serialises, per number, the two things that decide whether a ticket waits: giving it (which looks up
 * whether the number has an account) and a signup creating that account and claiming what waits. Either
 * the giver sees the new account, or the signup sees the new ticket; never neither. Numbers are locked
 * in one order so two gifts cannot deadlock.
 */
export async function lockMobileNumbers(tx: Tx, numbers: string[]): Promise<void> {
  for (const number of [...new Set(numbers)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mobile:${number}`}))`);
  }
}
