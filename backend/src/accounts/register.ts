import type { Locale, RegisterResponse } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { issueOtp, type OtpDeps } from "../verification/otp";

export interface RegisterInput {
  mobile_number: string;
  name: string;
  email?: string;
  locale?: Locale;
}

export const userExists = () =>
  new AppError("USER_EXISTS", 409, "An account with this mobile number already exists. Please log in.");

/** Step 1 of sign-up: remember who is signing up and text them a code. */
export async function registerCustomer(
  deps: OtpDeps & Pick<Deps, "db">,
  input: RegisterInput,
): Promise<RegisterResponse> {
  const existing = await deps.db.query.customers.findFirst({
    where: eq(customers.mobileNumber, input.mobile_number),
    columns: { id: true },
  });
  if (existing) throw userExists();
  const otp = await inTransaction(deps, (tx) =>
    issueOtp(deps, tx, {
      purpose: "register",
      target: input.mobile_number,
      locale: input.locale ?? "en",
      payload: { name: input.name, email: input.email, locale: input.locale ?? "en" },
    }),
  );
  return { signup_id: otp.id, mobile_number: input.mobile_number };
}
