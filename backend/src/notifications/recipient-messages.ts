import type { Locale } from "@ticketrunners/shared";
import type { DbOrTx } from "../db/client";
import type { Deps } from "../deps";
import { assignmentEmail } from "./messages/assignment.email";
import { assignmentSms } from "./messages/assignment.sms";
import { type OutboxDeps, queueMessage } from "./outbox";
import { SECRET_PLACEHOLDER } from "./sealed-secrets";

const TOKEN_LENGTH = 43; // 32 random bytes in base64url

export interface EventSummary {
  name: string;
  venue: string;
  startsAt: Date;
  /** IANA zone of the venue. */
  timezone: string;
}

/** One recipient's message about the tickets someone gave them, as decided by the code that gave them. */
export interface RecipientMessage {
  locale: Locale;
  /** The purchase, and the first of the recipient's tickets, that the ledger files the message under. */
  paymentId: string;
  firstTicketId: string;
  /** The gift the message is about: the sender's Sent tab reads its delivery status by this key. */
  giftKey: string;
  /** `purchase`: the sender bought them; `transfer`: the sender passed on tickets they held. */
  givenAs: "purchase" | "transfer";
  /** A reminder to a recipient who has not claimed yet. */
  reminder?: boolean;
  /** Who gave the tickets, as the recipient knows them. */
  sender: string;
  event: EventSummary;
  tickets: { ticketNumber: string; categoryName: string }[];
  phone: string;
  recipientName: string | null;
  /** The recipient's own address; none means no email. */
  email: string | null;
  /** A claim link's raw token for a recipient who must sign up; none when the tickets are theirs already. */
  claimToken?: string;
  /** One SMS and one email per key, ever. */
  dedupeKey: string;
}

/**
 * Renders and queues the SMS (and the email, when the recipient has an address) that tells a recipient
 * about their tickets: a link to My Tickets, or a single-use claim link whose token is sealed in the
 * outbox until it is sent.
 */
export async function queueRecipientMessages(
  deps: OutboxDeps & Pick<Deps, "config">,
  tx: DbOrTx,
  m: RecipientMessage,
): Promise<void> {
  const kind = m.claimToken ? "claim" : "existing";
  const link = m.claimToken
    ? `${deps.config.FRONTEND_URL}/signup?token=${SECRET_PLACEHOLDER}`
    : `${deps.config.FRONTEND_URL}/my-tickets`;
  const sentLinkLength =
    link.length - SECRET_PLACEHOLDER.length + (m.claimToken ? TOKEN_LENGTH : SECRET_PLACEHOLDER.length);
  const common = {
    locale: m.locale,
    paymentId: m.paymentId,
    ticketId: m.firstTicketId,
    giftKey: m.giftKey,
    secret: m.claimToken,
  };
  const template = m.reminder ? "reminder" : m.givenAs === "transfer" ? "transfer" : "assignment";
  await queueMessage(deps, tx, {
    ...common,
    channel: "sms",
    recipient: m.phone,
    template: `${template}-sms-${kind}`,
    body: assignmentSms({
      locale: m.locale,
      kind,
      givenAs: m.givenAs,
      reminder: m.reminder,
      purchaser: m.sender,
      event: m.event.name,
      link,
      sentLinkLength,
      ticketCount: m.tickets.length,
    }),
    dedupeKey: `${template}-sms:${m.dedupeKey}`,
  });
  if (!m.email) return;
  const email = assignmentEmail({
    locale: m.locale,
    kind,
    givenAs: m.givenAs,
    reminder: m.reminder,
    recipientName: m.recipientName,
    purchaser: m.sender,
    event: { ...m.event, timeZone: m.event.timezone },
    tickets: m.tickets,
    link,
    linkTtlDays: deps.config.REGISTRATION_TOKEN_TTL_DAYS,
  });
  await queueMessage(deps, tx, {
    ...common,
    channel: "email",
    recipient: m.email,
    template: `${template}-email-${kind}`,
    subject: email.subject,
    body: email.text,
    html: email.html,
    dedupeKey: `${template}-email:${m.dedupeKey}`,
  });
}
