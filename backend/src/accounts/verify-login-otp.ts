import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { claimWaitingTickets } from "../tickets/claim-waiting-tickets";
import { checkOtp, noActiveOtp, spendOtp } from "./otp";
import { bannedError, type Session, type SessionDeps, startSession } from "./sessions";

/** Login step 2: the code proves the number, so tickets waiting for it are claimed as the session starts. */
export async function verifyLoginOtp(
  deps: SessionDeps & Pick<Deps, "logger">,
  input: { mobile_number: string; otp_code: string },
): Promise<Session> {
  const otp = await checkOtp(deps, { purpose: "login", target: input.mobile_number, code: input.otp_code });
  return inTransaction(deps, async (tx) => {
    await spendOtp(tx, otp.id, deps.clock.now());
    const customer = await tx.query.customers.findFirst({ where: eq(customers.mobileNumber, input.mobile_number) });
    if (!customer) throw noActiveOtp();
    if (customer.status !== "active") throw bannedError();
    await claimWaitingTickets(deps, tx, customer);
    return startSession(deps, tx, customer);
  });
}
