import { and, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { ticketRegistrationTokens, tickets } from "../db/schema";
import type { Deps } from "../deps";

export type ClaimedTicket = typeof tickets.$inferSelect;

/**
 * Serialises, per number, the two things that decide whether a ticket waits: a purchase looking up
 * whether the number has an account, and a signup creating that account and claiming what waits. Either
 * the purchase sees the new account, or the signup sees the new ticket; never neither. Numbers are
 * locked in one order so two purchases cannot deadlock.
 */
export async function lockMobileNumbers(tx: Tx, numbers: string[]): Promise<void> {
  for (const number of [...new Set(numbers)].sort()) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`mobile:${number}`}))`);
  }
}

/**
 * Gives a customer whose number was just verified by OTP every ticket waiting for that number, and
 * spends the claim links sent to it. Runs inside the registration or OTP-login transaction.
 */
export async function claimWaitingTickets(
  deps: Deps,
  tx: Tx,
  customer: { id: string; mobileNumber: string },
): Promise<ClaimedTicket[]> {
  await lockMobileNumbers(tx, [customer.mobileNumber]);
  const now = deps.clock.now();
  const claimed = await tx
    .update(tickets)
    .set({ ownerId: customer.id, claimedAt: now })
    .where(and(eq(tickets.assignedMobile, customer.mobileNumber), isNull(tickets.ownerId)))
    .returning();
  await tx
    .update(ticketRegistrationTokens)
    .set({ used: true, usedAt: now })
    .where(
      and(
        eq(ticketRegistrationTokens.phoneNumber, customer.mobileNumber),
        eq(ticketRegistrationTokens.used, false),
        isNull(ticketRegistrationTokens.revokedAt),
      ),
    );
  if (claimed.length > 0) {
    deps.logger.info({ customerId: customer.id, tickets: claimed.length }, "waiting tickets claimed");
  }
  return claimed;
}
