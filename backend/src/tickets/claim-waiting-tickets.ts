import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers, events, ticketCategories, ticketGifts, ticketRegistrationTokens, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { queueGiftClaimedEmail } from "../notifications/gift-claimed";
import type { OutboxDeps } from "../notifications/outbox";
import { lockMobileNumbers } from "./assignment/number-lock";
import { recordHistory } from "./history";

export type ClaimedTicket = typeof tickets.$inferSelect;

/**
 * Gives a customer whose number was just verified by OTP every ticket waiting for that number, spends
 * the claim links sent to it, and tells each sender (who has an email address) that their gift arrived.
 * Runs inside the registration or OTP-login transaction.
 */
export async function claimWaitingTickets(
  deps: OutboxDeps & Pick<Deps, "config" | "logger">,
  tx: Tx,
  customer: { id: string; name: string; mobileNumber: string },
): Promise<ClaimedTicket[]> {
  await lockMobileNumbers(tx, [customer.mobileNumber]);
  const now = deps.clock.now();
  // Each ticket's row lock serialises this with a reassign, cancel, transfer or resend of it.
  const claimed = await tx
    .update(tickets)
    .set({ ownerId: customer.id, claimedAt: now, holderVersion: sql`${tickets.holderVersion} + 1` })
    .where(and(eq(tickets.assignedMobile, customer.mobileNumber), isNull(tickets.ownerId)))
    .returning();
  await tx
    .update(ticketRegistrationTokens)
    .set({ used: true, usedAt: now })
    .where(
      and(
        eq(ticketRegistrationTokens.phoneNumber, customer.mobileNumber),
        eq(ticketRegistrationTokens.used, false),
        isNull(ticketRegistrationTokens.revokedAt),
      ),
    );
  if (claimed.length === 0) return claimed;

  const gifts = await tx
    .update(ticketGifts)
    .set({ status: "claimed", holderId: customer.id, claimedAt: now })
    .where(
      and(
        inArray(
          ticketGifts.ticketId,
          claimed.map((t) => t.id),
        ),
        eq(ticketGifts.status, "waiting"),
      ),
    )
    .returning();
  await recordHistory(
    tx,
    claimed.map((t) => ({
      ticketId: t.id,
      action: "claimed" as const,
      at: now,
      actorId: customer.id,
      toMobile: customer.mobileNumber,
    })),
  );
  await tellSenders(deps, tx, customer, gifts, claimed);
  deps.logger.info({ customerId: customer.id, tickets: claimed.length }, "waiting tickets claimed");
  return claimed;
}

/** One email per gift to its sender, when the sender has an address. */
async function tellSenders(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: Tx,
  customer: { name: string },
  gifts: (typeof ticketGifts.$inferSelect)[],
  claimed: ClaimedTicket[],
): Promise<void> {
  if (gifts.length === 0) return;
  const senders = await tx
    .select({ id: customers.id, email: customers.email, locale: customers.locale })
    .from(customers)
    .where(
      inArray(
        customers.id,
        gifts.map((g) => g.senderId),
      ),
    );
  // One look-up for both: a ticket's category names it in the email, and the category's event heads it.
  const categories = await tx
    .select({ id: ticketCategories.id, name: ticketCategories.name, event: events })
    .from(ticketCategories)
    .innerJoin(events, eq(events.id, ticketCategories.eventId))
    .where(
      inArray(
        ticketCategories.id,
        claimed.map((t) => t.categoryId),
      ),
    );
  const ticketById = new Map(claimed.map((t) => [t.id, t]));
  const byKey = new Map<string, (typeof ticketGifts.$inferSelect)[]>();
  for (const g of gifts) byKey.set(g.giftKey, [...(byKey.get(g.giftKey) ?? []), g]);
  for (const [giftKey, group] of byKey) {
    const sender = senders.find((s) => s.id === group[0]?.senderId);
    const first = ticketById.get(group[0]?.ticketId ?? "");
    const event = categories.find((c) => c.id === first?.categoryId)?.event;
    if (!sender?.email || !event) continue;
    await queueGiftClaimedEmail(deps, tx, {
      sender: { id: sender.id, email: sender.email, locale: sender.locale },
      recipientName: customer.name,
      event,
      tickets: group.flatMap((g) => {
        const t = ticketById.get(g.ticketId);
        return t
          ? [{ ticketNumber: t.ticketNumber, categoryName: categories.find((c) => c.id === t.categoryId)?.name ?? "" }]
          : [];
      }),
      giftKey,
    });
  }
}
