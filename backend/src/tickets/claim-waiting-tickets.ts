import type { Tx } from "../db/client";
import type { Deps } from "../deps";

export interface ClaimedTicket {
  id: string;
}

/**
 * Gives a customer whose number was just verified by OTP every ticket waiting for that number.
 * Called inside the registration and OTP-login transactions. Tickets arrive with purchases (slice 2);
 * the linking and the registration-token bookkeeping arrive with slice 3.
 */
export async function claimWaitingTickets(
  _deps: Deps,
  _tx: Tx,
  _customer: { id: string; mobileNumber: string },
): Promise<ClaimedTicket[]> {
  return [];
}
