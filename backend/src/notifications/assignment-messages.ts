import { eq, inArray } from "drizzle-orm";
import type { Tx } from "../db/client";
import { customers, events, type payments, ticketCategories, type tickets } from "../db/schema";
import type { Deps } from "../deps";
import { issueRegistrationToken } from "../tickets/registration-tokens";
import { assignmentEmail } from "./messages/assignment.email";
import { assignmentSms } from "./messages/assignment.sms";
import { queueMessage } from "./outbox";
import { SECRET_PLACEHOLDER } from "./sealed-secrets";

type Payment = typeof payments.$inferSelect;
type Ticket = typeof tickets.$inferSelect;

const TOKEN_LENGTH = 43; // 32 random bytes in base64url

export const claimLink = (deps: Deps) => `${deps.config.FRONTEND_URL}/signup?token=${SECRET_PLACEHOLDER}`;

/**
 * Queues the messages to the people a buyer gave tickets to: one SMS and at most one email per
 * recipient per purchase, however many tickets they got. A recipient with an account is told to look
 * in My Tickets; one without gets a single-use claim link. Runs in the transaction that created the
 * tickets, so the messages exist exactly when the tickets do.
 */
export async function queueAssignmentMessages(
  deps: Deps,
  tx: Tx,
  payment: Payment,
  buyer: { id: string; name: string; mobileNumber: string },
  created: Ticket[],
): Promise<void> {
  const given = created.filter((t) => t.assignedMobile && t.assignedMobile !== buyer.mobileNumber);
  if (given.length === 0) return;
  const byRecipient = new Map<string, Ticket[]>();
  for (const t of given)
    byRecipient.set(t.assignedMobile as string, [...(byRecipient.get(t.assignedMobile as string) ?? []), t]);

  const event = await tx.query.events.findFirst({ where: eq(events.id, payment.eventId) });
  if (!event) throw new Error(`payment ${payment.id} has no event`);
  const categories = await tx
    .select({ id: ticketCategories.id, name: ticketCategories.name })
    .from(ticketCategories)
    .where(eq(ticketCategories.eventId, event.id));
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const ownerIds = [...new Set(given.flatMap((t) => (t.ownerId ? [t.ownerId] : [])))];
  const owners =
    ownerIds.length === 0
      ? []
      : await tx
          .select({ id: customers.id, email: customers.email })
          .from(customers)
          .where(inArray(customers.id, ownerIds));
  const ownerEmail = new Map(owners.map((o) => [o.id, o.email]));

  for (const [phone, group] of byRecipient) {
    const first = group[0] as Ticket;
    const hasAccount = first.ownerId !== null;
    let secret: string | undefined;
    if (!hasAccount) {
      const token = await issueRegistrationToken(deps, tx, {
        ticketId: first.id,
        paymentId: payment.id,
        phoneNumber: phone,
        reason: "purchase",
      });
      secret = token.raw;
    }
    await queueRecipientMessages(deps, tx, {
      payment,
      purchaser: buyer.name,
      event,
      tickets: group.map((t) => ({ ticketNumber: t.ticketNumber, categoryName: categoryName.get(t.categoryId) ?? "" })),
      firstTicketId: first.id,
      phone,
      recipientName: first.assignedName,
      // An assignment email goes only to the recipient's own address: the one the buyer gave, or their account's.
      email: first.assignedEmail ?? (first.ownerId ? (ownerEmail.get(first.ownerId) ?? null) : null),
      secret,
      dedupeSuffix: `${payment.id}:${phone}`,
    });
  }
}

export interface RecipientMessages {
  payment: Payment;
  purchaser: string;
  event: { name: string; venue: string; startsAt: Date };
  tickets: { ticketNumber: string; categoryName: string }[];
  firstTicketId: string;
  phone: string;
  recipientName: string | null;
  email: string | null;
  /** The claim token for a recipient without an account; none when they have one. */
  secret?: string;
  dedupeSuffix: string;
}

/** One recipient's SMS and email, shared by the purchase and by the buyer's "resend link". */
export async function queueRecipientMessages(deps: Deps, tx: Tx, m: RecipientMessages): Promise<void> {
  const kind = m.secret ? "claim" : "existing";
  const link = m.secret ? claimLink(deps) : `${deps.config.FRONTEND_URL}/my-tickets`;
  const sentLinkLength =
    link.length - SECRET_PLACEHOLDER.length + (m.secret ? TOKEN_LENGTH : SECRET_PLACEHOLDER.length);
  const common = { locale: m.payment.locale, paymentId: m.payment.id, ticketId: m.firstTicketId, secret: m.secret };
  await queueMessage(tx, deps, {
    ...common,
    channel: "sms",
    recipient: m.phone,
    template: `assignment-sms-${kind}`,
    body: assignmentSms({
      locale: m.payment.locale,
      kind,
      purchaser: m.purchaser,
      event: m.event.name,
      link,
      sentLinkLength,
    }),
    dedupeKey: `assignment-sms:${m.dedupeSuffix}`,
  });
  if (m.email) {
    const email = assignmentEmail({
      locale: m.payment.locale,
      kind,
      recipientName: m.recipientName,
      purchaser: m.purchaser,
      event: m.event,
      tickets: m.tickets,
      link,
    });
    await queueMessage(tx, deps, {
      ...common,
      channel: "email",
      recipient: m.email,
      template: `assignment-email-${kind}`,
      subject: email.subject,
      body: email.text,
      html: email.html,
      dedupeKey: `assignment-email:${m.dedupeSuffix}`,
    });
  }
}
