import type { LoginResponse } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { issueOtp, type OtpDeps } from "../verification/otp";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { bannedError } from "./sessions";

/** Login step 1: the password is right, so text a code to the number. */
export async function startLogin(
  deps: OtpDeps & Pick<Deps, "db">,
  input: { mobile_number: string; password: string },
): Promise<LoginResponse> {
  const customer = await deps.db.query.customers.findFirst({ where: eq(customers.mobileNumber, input.mobile_number) });
  const ok = await verifyPassword(customer?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!customer || !ok) throw new AppError("INVALID_CREDENTIALS", 401, "The mobile number or password is not correct.");
  if (customer.status !== "active") throw bannedError();
  await inTransaction(deps, (tx) =>
    issueOtp(deps, tx, { purpose: "login", target: customer.mobileNumber, locale: customer.locale }),
  );
  return { otp_required: true as const };
}
