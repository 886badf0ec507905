import type { Locale, TransferCodeResponse } from "@ticketrunners/shared";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { issueOtp, type OtpDeps } from "../verification/otp";

/**
 * POST /users/tickets/transfer-code/: texts the signed-in holder a code to their own number, which
 * passing a ticket on needs; it serves their transfers until it expires. The usual code limits apply.
 */
export async function sendTransferCode(
  deps: OtpDeps & Pick<Deps, "db">,
  owner: { mobileNumber: string; locale: Locale },
): Promise<TransferCodeResponse> {
  const code = await inTransaction(deps, (tx) =>
    issueOtp(deps, tx, { purpose: "transfer", target: owner.mobileNumber, locale: owner.locale }),
  );
  return { sent: true, expires_at: code.expiresAt.toISOString() };
}
