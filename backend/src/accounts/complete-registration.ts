import { inArray } from "drizzle-orm";
import { pgErrorCode, UNIQUE_VIOLATION } from "../db/client";
import { customers, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { welcomeEmail } from "../notifications/messages/welcome.email";
import { queueMessage } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { claimWaitingTickets } from "../tickets/claim-waiting-tickets";
import { findUsableToken } from "../tickets/registration-tokens";
import { selectTicketRows } from "../tickets/ticket-views";
import { findVerifiedRegistration, spendOtp } from "./otp";
import { hashPassword } from "./passwords";
import { userExists } from "./register";
import { type Session, startSession } from "./sessions";

export interface CompleteRegistrationInput {
  mobile_number: string;
  password: string;
  registration_token?: string;
}

/**
 * Step 3 of sign-up: creates the account for a number verified by OTP, gives it every ticket waiting
 * for that number and queues the welcome email, all in one transaction.
 */
export async function completeRegistration(deps: Deps, input: CompleteRegistrationInput): Promise<Session> {
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock.now();
  try {
    const session = await deps.db.transaction(async (tx) => {
      const existing = await tx.query.customers.findFirst({
        where: (c, { eq }) => eq(c.mobileNumber, input.mobile_number),
        columns: { id: true },
      });
      if (existing) throw userExists();
      const signup = await findVerifiedRegistration(deps, tx, input.mobile_number);
      if (!signup?.payload?.name) {
        throw new AppError("MOBILE_NOT_VERIFIED", 400, "Verify your mobile number with the code we sent first.");
      }
      if (input.registration_token !== undefined) {
        // The lock on the number is the server's, not only the form's.
        const token = await findUsableToken(deps, tx, input.registration_token, true);
        if (token.phoneNumber !== input.mobile_number) {
          throw new AppError("TOKEN_PHONE_MISMATCH", 400, "This link was sent to a different mobile number.");
        }
      }
      await spendOtp(tx, signup.id, now);
      const locale = signup.payload.locale ?? "en";
      const [customer] = await tx
        .insert(customers)
        .values({
          mobileNumber: input.mobile_number,
          name: signup.payload.name,
          email: signup.payload.email ?? null,
          passwordHash,
          locale,
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
            categoryName: r.category.name,
            purchaserName: r.purchaserName,
          })),
        });
        await queueMessage(tx, deps, {
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
    deps.wakeWorker();
    return session;
  } catch (err) {
    if (pgErrorCode(err) === UNIQUE_VIOLATION) throw userExists();
    throw err;
  }
}
