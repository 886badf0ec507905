import {
  EVENT_REMINDER_HOURS_BEFORE,
  MAX_REMINDERS_PER_HOLDER,
  REMINDER_QUIET_AFTER_MESSAGE_HOURS,
} from "@ticketrunners/shared";
import { and, asc, eq, gt, inArray, lt, lte, or, sql } from "drizzle-orm";
import { customers, events, ticketCategories, ticketGifts, tickets } from "../db/schema";
import { inTransaction } from "../db/transaction";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { HOUR } from "../shared/clock";
import { notifyRecipient } from "./assignment/notify-recipient";
import { recordHistory } from "./history";
import { revokeClaimLinks } from "./registration-tokens";

type ReminderDeps = OutboxDeps & Pick<Deps, "db" | "config" | "logger">;

/** Whether `at` falls in the quiet hours (`from` to `to`, wrapping midnight) of a time zone. */
export function inQuietHours(at: Date, timezone: string, quiet: { from: number; to: number } | null): boolean {
  if (!quiet) return false;
  const hour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "numeric", hourCycle: "h23" }).format(at),
  );
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

/**
 * Reminds recipients who have not claimed their tickets: once CLAIM_REMINDER_AFTER_HOURS after the
 * first message, and once 48 h before the event (skipped when they heard from us in the last 12 h); at
 * most 2 per ticket and holder, one message per gift (a purchase's tickets for one number), each with a
 * fresh claim link that replaces the older ones; never in the event's quiet hours (held until they end).
 * Due gifts are claimed with SKIP LOCKED, so several workers never remind twice. Returns how many
 * recipients were reminded.
 */
export async function sendDueReminders(deps: ReminderDeps, limit = 200): Promise<number> {
  const now = deps.clock.now();
  const silenceSince = new Date(now.getTime() - deps.config.CLAIM_REMINDER_AFTER_HOURS * HOUR);
  const eventWindow = sql`${events.startsAt} - make_interval(hours => ${EVENT_REMINDER_HOURS_BEFORE})`;
  return inTransaction(deps, async (tx) => {
    const due = await tx
      .select({
        gift: ticketGifts,
        ticket: tickets,
        event: events,
        categoryName: ticketCategories.name,
        senderName: customers.name,
      })
      .from(ticketGifts)
      .innerJoin(tickets, eq(tickets.id, ticketGifts.ticketId))
      .innerJoin(customers, eq(customers.id, ticketGifts.senderId))
      .innerJoin(events, eq(events.id, tickets.eventId))
      .innerJoin(ticketCategories, eq(ticketCategories.id, tickets.categoryId))
      .where(
        and(
          eq(ticketGifts.status, "waiting"),
          eq(tickets.status, "valid"),
          gt(events.startsAt, now),
          lt(ticketGifts.remindersSent, MAX_REMINDERS_PER_HOLDER),
          or(
            and(eq(ticketGifts.silenceReminderDone, false), lte(ticketGifts.firstMessageAt, silenceSince)),
            and(eq(ticketGifts.eventReminderDone, false), sql`${eventWindow} <= ${now}`),
          ),
        ),
      )
      .orderBy(asc(ticketGifts.firstMessageAt), asc(tickets.position))
      .limit(limit)
      .for("update", { of: ticketGifts, skipLocked: true });

    const byGift = new Map<string, typeof due>();
    for (const row of due) {
      const key = `${row.gift.giftKey}|${row.gift.mobileNumber}`;
      byGift.set(key, [...(byGift.get(key) ?? []), row]);
    }
    let reminded = 0;
    for (const group of byGift.values()) {
      const [first] = group;
      if (!first || inQuietHours(now, first.event.timezone, deps.config.QUIET_HOURS)) continue;
      const silenceDue = group.some((r) => !r.gift.silenceReminderDone && r.gift.firstMessageAt <= silenceSince);
      const eventDue = group.some(
        (r) =>
          !r.gift.eventReminderDone && r.event.startsAt.getTime() - EVENT_REMINDER_HOURS_BEFORE * HOUR <= now.getTime(),
      );
      const giftIds = group.map((r) => r.gift.id);
      const heardRecently =
        Math.max(...group.map((r) => r.gift.lastMessageAt.getTime())) >
        now.getTime() - REMINDER_QUIET_AFTER_MESSAGE_HOURS * HOUR;
      if (!silenceDue && eventDue && heardRecently) {
        // The pre-event reminder is skipped, not postponed: they heard from us less than 12 h ago.
        await tx.update(ticketGifts).set({ eventReminderDone: true }).where(inArray(ticketGifts.id, giftIds));
        continue;
      }
      await revokeClaimLinks(tx, first.gift, now);
      await notifyRecipient(deps, tx, {
        paymentId: first.ticket.paymentId,
        giftKey: first.gift.giftKey,
        givenAs: first.gift.givenAs,
        locale: first.gift.locale,
        sender: first.senderName,
        event: first.event,
        recipient: { phone: first.gift.mobileNumber, name: first.gift.name, email: first.gift.email },
        holderId: null,
        tickets: group.map((r) => ({
          id: r.ticket.id,
          ticketNumber: r.ticket.ticketNumber,
          categoryName: r.categoryName,
        })),
        reason: "reminder",
      });
      await tx
        .update(ticketGifts)
        .set({
          remindersSent: sql`${ticketGifts.remindersSent} + 1`,
          lastMessageAt: now,
          // One message answers both moments when they come together.
          ...(silenceDue ? { silenceReminderDone: true } : {}),
          ...(eventDue ? { eventReminderDone: true } : {}),
        })
        .where(inArray(ticketGifts.id, giftIds));
      await recordHistory(
        tx,
        group.map((r) => ({
          ticketId: r.ticket.id,
          action: "reminded" as const,
          at: now,
          toMobile: r.gift.mobileNumber,
        })),
      );
      reminded++;
    }
    if (reminded > 0) deps.logger.info({ reminded }, "claim reminders queued");
    return reminded;
  });
}
