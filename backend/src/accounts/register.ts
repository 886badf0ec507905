import { eq } from "drizzle-orm";
import { customers } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { issueOtp } from "./otp";

export interface RegisterInput {
  mobile_number: string;
  name: string;
  email?: string;
  locale?: "en" | "ar";
}

export const userExists = () =>
  new AppError("USER_EXISTS", 409, "An account with this mobile number already exists. Please log in.");

/** Step 1 of sign-up: remember who is signing up and text them a code. */
export async function registerCustomer(deps: Deps, input: RegisterInput) {
  const existing = await deps.db.query.customers.findFirst({
    where: eq(customers.mobileNumber, input.mobile_number),
    columns: { id: true },
  });
  if (existing) throw userExists();
  const otp = await deps.db.transaction((tx) =>
    issueOtp(deps, tx, {
      purpose: "register",
      target: input.mobile_number,
      locale: input.locale ?? "en",
      payload: { name: input.name, email: input.email, locale: input.locale ?? "en" },
    }),
  );
  deps.wakeWorker();
  return { signup_id: otp.id, mobile_number: input.mobile_number };
}
