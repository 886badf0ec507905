import { asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers, events, type payments, ticketCategories, tickets } from "../db/schema";
import type { Deps } from "../deps";
import {
  type PurchaseContext,
  queueAssignmentMessages,
  queuePurchaseConfirmation,
} from "../notifications/purchase-messages";
import { lockMobileNumbers } from "../tickets/claim-waiting-tickets";
import { newTicketNumber } from "./ticket-number";

type Payment = typeof payments.$inferSelect;
export type Ticket = typeof tickets.$inferSelect;

/**
 * The upstream `_create_tickets_from_payment()`: issues a paid purchase's tickets, each owned by the
 * buyer, by the existing customer it was given to, or by nobody yet (waiting for its recipient), and
 * queues the messages about them in the same transaction. Safe to call twice: (payment, position)
 * is unique, so the second call finds the tickets the first one made.
 */
export async function createTicketsFromPayment(deps: Deps, tx: Tx, payment: Payment): Promise<Ticket[]> {
  const existing = await tx
    .select()
    .from(tickets)
    .where(eq(tickets.paymentId, payment.id))
    .orderBy(asc(tickets.position));
  if (existing.length > 0) return existing;

  const buyer = await tx.query.customers.findFirst({ where: eq(customers.id, payment.buyerId) });
  if (!buyer) throw new Error(`payment ${payment.id} has no buyer`);
  const assigneeNumbers = [
    ...new Set(
      payment.items.flatMap((i) =>
        i.assignees.flatMap((a) => (a && a.mobile_number !== buyer.mobileNumber ? [a.mobile_number] : [])),
      ),
    ),
  ];
  await lockMobileNumbers(tx, assigneeNumbers);
  const recipients =
    assigneeNumbers.length === 0
      ? []
      : await tx
          .select({ id: customers.id, mobileNumber: customers.mobileNumber, email: customers.email })
          .from(customers)
          .where(inArray(customers.mobileNumber, assigneeNumbers));
  const accountByNumber = new Map(recipients.map((r) => [r.mobileNumber, r.id]));

  const now = deps.clock.now();
  let position = 0;
  const rows = payment.items.flatMap((item) =>
    item.assignees.map((assignee) => {
      position += 1;
      const forSomeoneElse = assignee !== null && assignee.mobile_number !== buyer.mobileNumber;
      const ownerId = forSomeoneElse ? (accountByNumber.get(assignee.mobile_number) ?? null) : buyer.id;
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
        assignedName: forSomeoneElse ? (assignee.name ?? null) : null,
        assignedMobile: forSomeoneElse ? assignee.mobile_number : null,
        assignedEmail: forSomeoneElse ? (assignee.email ?? null) : null,
        claimedAt: forSomeoneElse && ownerId ? now : null,
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
  const context: PurchaseContext = {
    payment,
    buyer,
    event,
    categoryName: new Map(categories.map((c) => [c.id, c.name])),
    accountEmail: new Map(recipients.map((r) => [r.id, r.email])),
  };
  await queueAssignmentMessages(deps, tx, context, created);
  await queuePurchaseConfirmation(deps, tx, context, created);
  return created;
}
