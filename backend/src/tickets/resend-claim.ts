import type { ResendClaimResponse } from "@ticketrunners/shared";
import { MAX_RESENDS_PER_DAY } from "@ticketrunners/shared";
import { and, count, eq, gt, isNull } from "drizzle-orm";
import { events, payments, ticketCategories, ticketRegistrationTokens, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { DAY } from "../shared/clock";
import { notifyRecipient } from "./assignment/notify-recipient";
import { ticketNotFound } from "./ticket-views";

export { MAX_RESENDS_PER_DAY };

/**
 * The buyer asks to send a ticket's claim link again: every earlier link for that recipient and
 * purchase stops working, and a new one goes out by SMS (and email, if the buyer gave one).
 */
export async function resendClaimLink(
  deps: OutboxDeps & Pick<Deps, "db" | "config">,
  buyer: { id: string; name: string },
  ticketId: string,
): Promise<ResendClaimResponse> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const [ticket] = await tx.select().from(tickets).where(eq(tickets.id, ticketId)).for("update");
    if (!ticket || ticket.buyerId !== buyer.id || !ticket.assignedMobile) throw ticketNotFound();
    if (ticket.ownerId) throw new AppError("ALREADY_CLAIMED", 409, "This ticket was already claimed.");
    const phone = ticket.assignedMobile;

    const [recent] = await tx
      .select({ n: count() })
      .from(ticketRegistrationTokens)
      .where(
        and(
          eq(ticketRegistrationTokens.ticketId, ticket.id),
          eq(ticketRegistrationTokens.reason, "resend"),
          gt(ticketRegistrationTokens.createdAt, new Date(now.getTime() - DAY)),
        ),
      );
    if (Number(recent?.n ?? 0) >= MAX_RESENDS_PER_DAY) {
      throw new AppError(
        "RESEND_LIMIT",
        429,
        `The link was resent ${MAX_RESENDS_PER_DAY} times in the last 24 hours. Try again later.`,
        { limit: MAX_RESENDS_PER_DAY },
      );
    }

    await tx
      .update(ticketRegistrationTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(ticketRegistrationTokens.paymentId, ticket.paymentId),
          eq(ticketRegistrationTokens.phoneNumber, phone),
          eq(ticketRegistrationTokens.used, false),
          isNull(ticketRegistrationTokens.revokedAt),
        ),
      );
    const [payment] = await tx.select().from(payments).where(eq(payments.id, ticket.paymentId));
    const [event] = await tx.select().from(events).where(eq(events.id, ticket.eventId));
    const group = await tx
      .select({ id: tickets.id, ticketNumber: tickets.ticketNumber, categoryName: ticketCategories.name })
      .from(tickets)
      .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
      .where(and(eq(tickets.paymentId, ticket.paymentId), eq(tickets.assignedMobile, phone), isNull(tickets.ownerId)))
      .orderBy(tickets.position);
    if (!payment || !event) throw new Error(`ticket ${ticket.id} lost its payment or event`);
    const { claimLink } = await notifyRecipient(deps, tx, {
      paymentId: payment.id,
      locale: payment.locale,
      sender: buyer.name,
      event,
      recipient: { phone, name: ticket.assignedName, email: ticket.assignedEmail },
      holderId: null,
      tickets: group,
      reason: "resend",
    });
    if (!claimLink) throw new Error("a resend issued no claim link");
    return { resent: true as const, expires_at: claimLink.expiresAt.toISOString() };
  });
}
