import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "../db/client";
import { ticketRegistrationTokens, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { lockMobileNumbers } from "./assignment/number-lock";

export type ClaimedTicket = typeof tickets.$inferSelect;

/**
 * Gives a customer whose number was just verified by OTP every ticket waiting for that number, and
 * spends the claim links sent to it. Runs inside the registration or OTP-login transaction.
 */
export async function claimWaitingTickets(
  deps: Pick<Deps, "clock" | "logger">,
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
