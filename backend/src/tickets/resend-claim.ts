import { MAX_RESENDS_PER_DAY, type ResendClaimResponse } from "@ticketrunners/shared";
import { and, eq } from "drizzle-orm";
import { ticketCategories, ticketGifts, ticketRegistrationTokens, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { notifyRecipient } from "./assignment/notify-recipient";
import { checkDailyLimit } from "./daily-limit";
import { revokeClaimLinks } from "./registration-tokens";
import { lockSendersWaitingGift } from "./sender-gift";

/**
 * The sender asks to send a waiting ticket's claim link again: every earlier link of that gift stops
 * working, and a new one goes out by SMS (and email, if the sender gave one).
 */
export async function resendClaimLink(
  deps: OutboxDeps & Pick<Deps, "db" | "config">,
  sender: { id: string; name: string },
  ticketId: string,
): Promise<ResendClaimResponse> {
  const now = deps.clock.now();
  return inTransaction(deps, async (tx) => {
    const { ticket, gift, event } = await lockSendersWaitingGift(tx, sender.id, ticketId);
    await checkDailyLimit(
      tx,
      {
        table: ticketRegistrationTokens,
        at: ticketRegistrationTokens.createdAt,
        where: [eq(ticketRegistrationTokens.ticketId, ticket.id), eq(ticketRegistrationTokens.reason, "resend")],
      },
      now,
      MAX_RESENDS_PER_DAY,
      () =>
        new AppError(
          "RESEND_LIMIT",
          429,
          `The link was resent ${MAX_RESENDS_PER_DAY} times in the last 24 hours. Try again later.`,
          { limit: MAX_RESENDS_PER_DAY },
        ),
    );
    await revokeClaimLinks(tx, gift, now);
    const waiting = await tx
      .select({ id: tickets.id, ticketNumber: tickets.ticketNumber, categoryName: ticketCategories.name })
      .from(ticketGifts)
      .innerJoin(tickets, eq(tickets.id, ticketGifts.ticketId))
      .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
      .where(
        and(
          eq(ticketGifts.giftKey, gift.giftKey),
          eq(ticketGifts.mobileNumber, gift.mobileNumber),
          eq(ticketGifts.status, "waiting"),
        ),
      )
      .orderBy(tickets.position);
    // The asked-for ticket first: the new link names it.
    waiting.sort((a, b) => Number(b.id === ticket.id) - Number(a.id === ticket.id));
    const { claimLink } = await notifyRecipient(deps, tx, {
      paymentId: ticket.paymentId,
      giftKey: gift.giftKey,
      givenAs: gift.givenAs,
      locale: gift.locale,
      sender: sender.name,
      event,
      recipient: { phone: gift.mobileNumber, name: gift.name, email: gift.email },
      holderId: null,
      tickets: waiting,
      reason: "resend",
    });
    if (!claimLink) throw new Error("a resend issued no claim link");
    await tx.update(ticketGifts).set({ lastMessageAt: now }).where(eq(ticketGifts.giftKey, gift.giftKey));
    return { resent: true as const, expires_at: claimLink.expiresAt.toISOString() };
  });
}
