import { and, count, eq, gt, isNull } from "drizzle-orm";
import { events, payments, ticketCategories, ticketRegistrationTokens, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { queueRecipientMessages } from "../notifications/purchase-messages";
import { AppError } from "../shared/app-error";
import { ticketNotFound } from "./ticket-views";
import { DAY } from "../shared/clock";
import { issueRegistrationToken } from "./registration-tokens";

export const MAX_RESENDS_PER_DAY = 3;

/**
 * The buyer asks to send a ticket's claim link again: every earlier link for that recipient and
 * purchase stops working, and a new one goes out by SMS (and email, if the buyer gave one).
 */
export async function resendClaimLink(deps: Deps, buyer: { id: string; name: string }, ticketId: string) {
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
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
      throw new AppError("RESEND_LIMIT", 429, "The link was resent 3 times in the last 24 hours. Try again later.");
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
    const token = await issueRegistrationToken(deps, tx, {
      ticketId: ticket.id,
      paymentId: ticket.paymentId,
      phoneNumber: phone,
      reason: "resend",
    });

    const [payment] = await tx.select().from(payments).where(eq(payments.id, ticket.paymentId));
    const [event] = await tx.select().from(events).where(eq(events.id, ticket.eventId));
    const group = await tx
      .select({ ticketNumber: tickets.ticketNumber, categoryName: ticketCategories.name })
      .from(tickets)
      .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
      .where(and(eq(tickets.paymentId, ticket.paymentId), eq(tickets.assignedMobile, phone), isNull(tickets.ownerId)));
    if (!payment || !event) throw new Error(`ticket ${ticket.id} lost its payment or event`);
    await queueRecipientMessages(deps, tx, {
      payment,
      purchaser: buyer.name,
      event,
      tickets: group,
      firstTicketId: ticket.id,
      phone,
      recipientName: ticket.assignedName,
      email: ticket.assignedEmail,
      secret: token.raw,
      dedupeSuffix: `resend:${token.row.id}`,
    });
    return { resent: true as const, expires_at: token.row.expiresAt.toISOString() };
  });
  deps.wakeWorker();
  return result;
}
