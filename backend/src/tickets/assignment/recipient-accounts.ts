import type { Locale } from "@ticketrunners/shared";
import { inArray } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { customers } from "../../db/schema";
import { lockMobileNumbers } from "./number-lock";

export interface RecipientAccount {
  id: string;
  mobileNumber: string;
  email: string | null;
  locale: Locale;
}

/**
 * The accounts of the numbers tickets are about to be given to, looked up under each number's lock:
 * a number with an account holds its ticket at once, any other number makes the ticket wait for it.
 */
export async function findRecipientAccounts(tx: Tx, numbers: string[]): Promise<Map<string, RecipientAccount>> {
  if (numbers.length === 0) return new Map();
  await lockMobileNumbers(tx, numbers);
  const rows = await tx
    .select({
      id: customers.id,
      mobileNumber: customers.mobileNumber,
      email: customers.email,
      locale: customers.locale,
    })
    .from(customers)
    .where(inArray(customers.mobileNumber, numbers));
  return new Map(rows.map((r) => [r.mobileNumber, r]));
}
