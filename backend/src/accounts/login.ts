import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { issueOtp } from "./otp";
import { decoyPasswordHash, verifyPassword } from "./passwords";
import { bannedError } from "./sessions";

/** Login step 1: the password is right, so text a code to the number. */
export async function startLogin(deps: Deps, input: { mobile_number: string; password: string }) {
  const customer = await deps.db.query.customers.findFirst({ where: eq(customers.mobileNumber, input.mobile_number) });
  const ok = await verifyPassword(customer?.passwordHash ?? (await decoyPasswordHash()), input.password);
  if (!customer || !ok) throw new AppError("INVALID_CREDENTIALS", 401, "The mobile number or password is not correct.");
  if (customer.status !== "active") throw bannedError();
  await deps.db.transaction((tx) =>
    issueOtp(deps, tx, { purpose: "login", target: customer.mobileNumber, locale: customer.locale }),
  );
  deps.wakeWorker();
  return { otp_required: true as const };
}
