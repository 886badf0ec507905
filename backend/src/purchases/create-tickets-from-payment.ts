import { asc, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers, events, type payments, ticketCategories, tickets } from "../db/schema";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { queuePurchaseConfirmation } from "../notifications/purchase-confirmation";
import { notifyRecipient } from "../tickets/assignment/notify-recipient";
import { findRecipientAccounts } from "../tickets/assignment/recipient-accounts";
import { newTicketNumber } from "./ticket-number";

type Payment = typeof payments.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;

/**
 * Issues a paid purchase's tickets (the platform this product grew from called it
 * `_create_tickets_from_payment`): each is owned by the buyer, by the existing customer it was given
 * to, or by nobody yet (waiting for its recipient), and the messages about them are queued in the same
 * transaction. Safe to call twice: (payment, position) is unique, so the second call finds the tickets
 * the first one made.
 */
export async function createTicketsFromPayment(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: Tx,
  payment: Payment,
): Promise<Ticket[]> {
  const existing = await tx
    .select()
    .from(tickets)
    .where(eq(tickets.paymentId, payment.id))
    .orderBy(asc(tickets.position));
  if (existing.length > 0) return existing;

  const buyer = await tx.query.customers.findFirst({ where: eq(customers.id, payment.buyerId) });
  if (!buyer) throw new Error(`payment ${payment.id} has no buyer`);
  const givenTo = (assignee: Payment["items"][number]["assignees"][number]) =>
    assignee && assignee.mobile_number !== buyer.mobileNumber ? assignee : null;
  const accounts = await findRecipientAccounts(tx, [
    ...new Set(payment.items.flatMap((i) => i.assignees.flatMap((a) => givenTo(a)?.mobile_number ?? []))),
  ]);

  const now = deps.clock.now();
  let position = 0;
  const rows = payment.items.flatMap((item) =>
    item.assignees.map((entry) => {
      position += 1;
      const assignee = givenTo(entry);
      const ownerId = assignee ? (accounts.get(assignee.mobile_number)?.id ?? null) : buyer.id;
      return {
        ticketNumber: newTicketNumber(),
        eventId: payment.eventId,
        categoryId: item.category_id,
        paymentId: payment.id,
        position,
        priceMinor: item.unit_price_minor,
        currency: payment.currency,
        buyerId: buyer.id,
        ownerId,
        assignedName: assignee?.name ?? null,
        assignedMobile: assignee?.mobile_number ?? null,
        assignedEmail: assignee?.email ?? null,
        claimedAt: assignee && ownerId ? now : null,
        createdAt: now,
      };
    }),
  );
  const created = await tx
    .insert(tickets)
    .values(rows)
    .onConflictDoNothing({ target: [tickets.paymentId, tickets.position] })
    .returning();
  if (created.length === 0) {
    return tx.select().from(tickets).where(eq(tickets.paymentId, payment.id)).orderBy(asc(tickets.position));
  }
  created.sort((a, b) => a.position - b.position);

  const event = await tx.query.events.findFirst({ where: eq(events.id, payment.eventId) });
  if (!event) throw new Error(`payment ${payment.id} has no event`);
  const categories = await tx
    .select({ id: ticketCategories.id, name: ticketCategories.name })
    .from(ticketCategories)
    .where(eq(ticketCategories.eventId, payment.eventId));
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const describe = (t: Ticket) => ({
    id: t.id,
    ticketNumber: t.ticketNumber,
    categoryName: categoryName.get(t.categoryId) ?? "",
  });

  const byRecipient = new Map<string, Ticket[]>();
  for (const t of created) {
    if (t.assignedMobile) byRecipient.set(t.assignedMobile, [...(byRecipient.get(t.assignedMobile) ?? []), t]);
  }
  for (const [phone, group] of byRecipient) {
    const first = group[0] as Ticket;
    const account = accounts.get(phone);
    await notifyRecipient(deps, tx, {
      paymentId: payment.id,
      locale: payment.locale,
      sender: buyer.name,
      event,
      // An assignment email goes only to the recipient's own address: the one the buyer gave, or their account's.
      recipient: { phone, name: first.assignedName, email: first.assignedEmail ?? account?.email ?? null },
      holderId: first.ownerId,
      tickets: group.map(describe),
      reason: "purchase",
    });
  }
  await queuePurchaseConfirmation(deps, tx, {
    paymentId: payment.id,
    locale: payment.locale,
    buyer,
    event,
    tickets: created.map((t) => ({
      ...describe(t),
      forName: t.assignedMobile ? (t.assignedName ?? t.assignedMobile) : null,
    })),
    amountMinor: payment.amountMinor,
    currency: payment.currency,
  });
  return created;
}
