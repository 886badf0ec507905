import { asc, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers, events, type payments, ticketCategories, tickets } from "../db/schema";
import type { Deps } from "../deps";
import type { OutboxDeps } from "../notifications/outbox";
import { queuePurchaseConfirmation } from "../notifications/purchase-confirmation";
import { giveTickets } from "../tickets/assignment/give-tickets";
import { recordHistory } from "../tickets/history";
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
  const issued = () =>
    tx.select().from(tickets).where(eq(tickets.paymentId, payment.id)).orderBy(asc(tickets.position));
  const existing = await issued();
  if (existing.length > 0) return existing;

  const buyer = await tx.query.customers.findFirst({ where: eq(customers.id, payment.buyerId) });
  if (!buyer) throw new Error(`payment ${payment.id} has no buyer`);
  const givenTo = (assignee: Payment["items"][number]["assignees"][number]) =>
    assignee && assignee.mobile_number !== buyer.mobileNumber ? assignee : null;

  // Every ticket is issued to the buyer; those given to someone are then given, one recipient at a time.
  const now = deps.clock.now();
  let position = 0;
  const rows = payment.items.flatMap((item) =>
    item.assignees.map(() => {
      position += 1;
      return {
        ticketNumber: newTicketNumber(),
        eventId: payment.eventId,
        categoryId: item.category_id,
        paymentId: payment.id,
        position,
        priceMinor: item.unit_price_minor,
        currency: payment.currency,
        buyerId: buyer.id,
        ownerId: buyer.id,
        createdAt: now,
      };
    }),
  );
  const created = await tx
    .insert(tickets)
    .values(rows)
    .onConflictDoNothing({ target: [tickets.paymentId, tickets.position] })
    .returning();
  if (created.length === 0) return issued();
  created.sort((a, b) => a.position - b.position);
  await recordHistory(
    tx,
    created.map((t) => ({ ticketId: t.id, action: "issued" as const, at: now, actorId: buyer.id })),
  );

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

  const assignees = payment.items.flatMap((i) => i.assignees);
  const byRecipient = new Map<string, { assignee: NonNullable<ReturnType<typeof givenTo>>; tickets: Ticket[] }>();
  for (const ticket of created) {
    const assignee = givenTo(assignees[ticket.position - 1] ?? null);
    if (!assignee) continue;
    const group = byRecipient.get(assignee.mobile_number) ?? { assignee, tickets: [] };
    group.tickets.push(ticket);
    byRecipient.set(assignee.mobile_number, group);
  }
  for (const [phone, { assignee, tickets: group }] of [...byRecipient].sort(([a], [b]) => a.localeCompare(b))) {
    await giveTickets(deps, tx, {
      sender: { id: buyer.id, name: buyer.name, locale: payment.locale },
      givenAs: "purchase",
      giftKey: `purchase:${payment.id}:${phone}`,
      paymentId: payment.id,
      event,
      tickets: group.map(describe),
      recipient: {
        mobileNumber: phone,
        name: assignee.name ?? null,
        email: assignee.email ?? null,
        locale: assignee.locale,
      },
    });
  }
  await queuePurchaseConfirmation(deps, tx, {
    paymentId: payment.id,
    locale: payment.locale,
    buyer,
    event,
    tickets: created.map((t) => {
      const assignee = givenTo(assignees[t.position - 1] ?? null);
      return { ...describe(t), forName: assignee ? (assignee.name ?? assignee.mobile_number) : null };
    }),
    amountMinor: payment.amountMinor,
    currency: payment.currency,
  });
  // Re-read: giving tickets to their recipients changed their owners.
  return issued();
}
