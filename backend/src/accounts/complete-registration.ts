import { inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { pgErrorCode, UNIQUE_VIOLATION } from "../db/client";
import { customers, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import { welcomeEmail } from "../notifications/messages/welcome.email";
import { type OutboxDeps, queueMessage } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { claimWaitingTickets } from "../tickets/claim-waiting-tickets";
import { findUsableToken } from "../tickets/registration-tokens";
import { selectTicketRows } from "../tickets/ticket-views";
import { findVerifiedSignup, signupTokenInvalid, spendOtp } from "../verification/otp";
import { hashPassword } from "./passwords";
import { userExists } from "./register";
import { type Session, type SessionDeps, startSession } from "./sessions";

export interface CompleteRegistrationInput {
  mobile_number: string;
  password: string;
  signup_token?: string;
  registration_token?: string;
}

/**
 * Everything that can refuse a completion: the signup token (only the person who typed the code holds
 * it), an existing account, the claim link's number. Run once before hashing the password, so a
 * guessed token costs us a query and not an argon2 hash, and again under lock in the transaction.
 */
async function checkCompletable(
  deps: Pick<Deps, "clock">,
  db: DbOrTx,
  input: CompleteRegistrationInput,
  lock: boolean,
) {
  const signup = await findVerifiedSignup(deps, db, input.mobile_number, input.signup_token, lock);
  const name = signup?.payload?.name;
  if (!signup || !name) throw signupTokenInvalid();
  const existing = await db.query.customers.findFirst({
    where: (c, { eq }) => eq(c.mobileNumber, input.mobile_number),
    columns: { id: true },
  });
  if (existing) throw userExists();
  if (input.registration_token !== undefined) {
    // The lock on the number is the server's, not only the form's.
    const token = await findUsableToken(deps, db, input.registration_token, lock);
    if (token.phoneNumber !== input.mobile_number) {
      throw new AppError("TOKEN_PHONE_MISMATCH", 400, "This link was sent to a different mobile number.");
    }
  }
  return { id: signup.id, name, email: signup.payload?.email ?? null, locale: signup.payload?.locale ?? "en" };
}

/**
 * Step 3 of sign-up: creates the account for the signup the token opens, with the name and email given
 * when that signup's code was asked for; gives it every ticket waiting for the number and queues the
 * welcome email, all in one transaction.
 */
export async function completeRegistration(
  deps: SessionDeps & OutboxDeps & Pick<Deps, "metrics" | "logger">,
  input: CompleteRegistrationInput,
): Promise<Session> {
  await checkCompletable(deps, deps.db, input, false);
  deps.metrics.passwordHashes.inc();
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    return await inTransaction(deps, async (tx) => {
      const signup = await checkCompletable(deps, tx, input, true);
      await spendOtp(tx, signup.id, now);
      const locale = signup.locale;
      const [customer] = await tx
        .insert(customers)
        .values({
          mobileNumber: input.mobile_number,
          name: signup.name,
          email: signup.email,
          passwordHash,
          locale,
          // Operators named in ADMIN_MOBILE_NUMBERS hold the role as soon as their number is verified.
          ...(deps.config.ADMIN_MOBILE_NUMBERS.includes(input.mobile_number) ? { role: "admin" as const } : {}),
          createdAt: now,
        })
        .returning();
      if (!customer) throw new Error("customer insert returned nothing");
      const claimed = await claimWaitingTickets(deps, tx, customer);
      if (customer.email) {
        const rows = claimed.length
          ? await selectTicketRows(
              tx,
              inArray(
                tickets.id,
                claimed.map((t) => t.id),
              ),
            )
          : [];
        const message = welcomeEmail({
          name: customer.name,
          locale,
          myTicketsUrl: `${deps.config.FRONTEND_URL}/my-tickets`,
          tickets: rows.map((r) => ({
            ticketNumber: r.ticket.ticketNumber,
            eventName: r.event.name,
            startsAt: r.event.startsAt,
            timeZone: r.event.timezone,
            categoryName: r.category.name,
            purchaserName: r.giverName ?? r.purchaserName,
          })),
        });
        await queueMessage(deps, tx, {
          channel: "email",
          recipient: customer.email,
          template: "welcome",
          locale,
          subject: message.subject,
          body: message.text,
          html: message.html,
          customerId: customer.id,
          dedupeKey: `welcome:${customer.id}`,
        });
      }
      return startSession(deps, tx, customer);
    });
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw userExists();
    throw err;
  }
}
