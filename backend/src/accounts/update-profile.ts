import type { Locale, User } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import type { Deps } from "../deps";
import { toUser } from "./sessions";

export interface ProfileChanges {
  name?: string;
  /** null removes the address: no more emails. */
  email?: string | null;
  locale?: Locale;
}

/** PATCH /users/me/: a customer changes their name, email address or the language we write to them in. */
export async function updateProfile(
  deps: Pick<Deps, "db">,
  customerId: string,
  changes: ProfileChanges,
): Promise<User> {
  // A change left out (undefined) is left out of the update; null removes the email address.
  const set = { name: changes.name, email: changes.email, locale: changes.locale };
  const changesNothing = Object.values(set).every((v) => v === undefined);
  // An update with nothing to set is refused by drizzle, so a body that changes nothing only reads.
  const [customer] = changesNothing
    ? await deps.db.select().from(customers).where(eq(customers.id, customerId))
    : await deps.db.update(customers).set(set).where(eq(customers.id, customerId)).returning();
  if (!customer) throw new Error(`customer ${customerId} vanished`);
  return toUser(customer);
}
