import type { Tx } from "../db/client";
import type { payments, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { issueRegistrationToken } from "../tickets/registration-tokens";
import { assignmentEmail } from "./messages/assignment.email";
import { assignmentSms } from "./messages/assignment.sms";
import { purchaseConfirmationEmail } from "./messages/purchase-confirmation.email";
import { queueMessage } from "./outbox";
import { SECRET_PLACEHOLDER } from "./sealed-secrets";

type Payment = typeof payments.$inferSelect;
type Ticket = typeof tickets.$inferSelect;

const TOKEN_LENGTH = 43; // 32 random bytes in base64url

export const claimLink = (deps: Deps) => `${deps.config.FRONTEND_URL}/signup?token=${SECRET_PLACEHOLDER}`;

/** What the messages about one purchase need, loaded once by the code that issues its tickets. */
export interface PurchaseContext {
  payment: Payment;
  buyer: { id: string; name: string; email: string | null; mobileNumber: string };
  event: { name: string; venue: string; startsAt: Date };
  categoryName: Map<string, string>;
  /** Account email of each recipient who already has an account, by customer id. */
  accountEmail: Map<string, string | null>;
}

/**
 * Queues the messages to the people a buyer gave tickets to: one SMS and at most one email per
 * recipient per purchase, however many tickets they got. A recipient with an account is told to look
 * in My Tickets; one without gets a single-use claim link. Runs in the transaction that created the
 * tickets, so the messages exist exactly when the tickets do.
 */
export async function queueAssignmentMessages(
  deps: Deps,
  tx: Tx,
  ctx: PurchaseContext,
  created: Ticket[],
): Promise<void> {
  const { payment, buyer } = ctx;
  const byRecipient = new Map<string, Ticket[]>();
  for (const t of created) {
    if (!t.assignedMobile || t.assignedMobile === buyer.mobileNumber) continue;
    byRecipient.set(t.assignedMobile, [...(byRecipient.get(t.assignedMobile) ?? []), t]);
  }

  for (const [phone, group] of byRecipient) {
    const first = group[0] as Ticket;
    const secret = first.ownerId
      ? undefined
      : (
          await issueRegistrationToken(deps, tx, {
            ticketId: first.id,
            paymentId: payment.id,
            phoneNumber: phone,
            reason: "purchase",
          })
        ).raw;
    await queueRecipientMessages(deps, tx, {
      payment,
      purchaser: buyer.name,
      event: ctx.event,
      tickets: group.map((t) => ({
        ticketNumber: t.ticketNumber,
        categoryName: ctx.categoryName.get(t.categoryId) ?? "",
      })),
      firstTicketId: first.id,
      phone,
      recipientName: first.assignedName,
      // An assignment email goes only to the recipient's own address: the one the buyer gave, or their account's.
      email: first.assignedEmail ?? (first.ownerId ? (ctx.accountEmail.get(first.ownerId) ?? null) : null),
      secret,
      dedupeSuffix: `${payment.id}:${phone}`,
    });
  }
}

/** The buyer's purchase confirmation email, listing every ticket and whom it is for. */
export async function queuePurchaseConfirmation(
  deps: Deps,
  tx: Tx,
  ctx: PurchaseContext,
  created: Ticket[],
): Promise<void> {
  const { payment, buyer } = ctx;
  if (!buyer.email) return;
  const message = purchaseConfirmationEmail({
    locale: payment.locale,
    buyerName: buyer.name,
    event: ctx.event,
    tickets: created.map((t) => ({
      ticketNumber: t.ticketNumber,
      categoryName: ctx.categoryName.get(t.categoryId) ?? "",
      forName: t.assignedMobile ? (t.assignedName ?? t.assignedMobile) : null,
    })),
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    myTicketsUrl: `${deps.config.FRONTEND_URL}/my-tickets`,
  });
  await queueMessage(tx, deps, {
    channel: "email",
    recipient: buyer.email,
    template: "purchase-confirmation",
    locale: payment.locale,
    subject: message.subject,
    body: message.text,
    html: message.html,
    customerId: buyer.id,
    paymentId: payment.id,
    dedupeKey: `purchase-confirmation:${payment.id}`,
  });
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
