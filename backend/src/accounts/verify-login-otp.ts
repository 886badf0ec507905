import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { claimWaitingTickets } from "../tickets/claim-waiting-tickets";
import { checkOtp, noActiveOtp, spendOtp } from "../verification/otp";
import { bannedError, type Session, type SessionDeps, startSession } from "./sessions";

/** Login step 2: the code proves the number, so tickets waiting for it are claimed as the session starts. */
export async function verifyLoginOtp(
  deps: SessionDeps & OutboxDeps & Pick<Deps, "logger">,
  input: { mobile_number: string; otp_code: string },
): Promise<Session> {
  const otp = await checkOtp(deps, { purpose: "login", target: input.mobile_number, code: input.otp_code });
  return inTransaction(deps, async (tx) => {
    await spendOtp(tx, otp.id, deps.clock.now());
    const found = await tx.query.customers.findFirst({ where: eq(customers.mobileNumber, input.mobile_number) });
    if (!found) throw noActiveOtp();
    if (found.status !== "active") throw bannedError();
    // Operators named in ADMIN_MOBILE_NUMBERS hold the role from their first verified login.
    const customer =
      deps.config.ADMIN_MOBILE_NUMBERS.includes(found.mobileNumber) && found.role !== "admin"
        ? ((await tx.update(customers).set({ role: "admin" }).where(eq(customers.id, found.id)).returning())[0] ??
          found)
        : found;
    await claimWaitingTickets(deps, tx, customer);
    return startSession(deps, tx, customer);
  });
}
