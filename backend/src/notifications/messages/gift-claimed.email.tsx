/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/text";
import type { Locale } from "@ticketrunners/shared";
import { EventTickets, type EventTicketsInput } from "./event-tickets.email";
import { translator } from "./i18n";
import { EmailButton, EmailLayout, Greeting, type RenderedEmail, renderEmail } from "./layout.email";

export interface GiftClaimedEmailInput extends EventTicketsInput {
  /** The sender's locale: the email goes to them. */
  locale: Locale;
  /** The sender's name, for the greeting ("Hi," without one). */
  senderName?: string | null;
  /** The name of the account that claimed the tickets. */
  recipientName: string;
  /** The Sent tab of My Tickets. */
  sentTicketsUrl: string;
}

const subjectOf = (input: GiftClaimedEmailInput) =>
  translator(input.locale)("giftClaimedEmail.subject", {
    count: input.tickets.length,
    name: input.recipientName,
    event: input.event.name,
  });

/**
 * The email to the sender of a waiting gift or transfer once its recipient claims it: who has the
 * tickets now, which ones, and that the sender can no longer change or cancel them.
 */
export function GiftClaimedEmail(input: GiftClaimedEmailInput) {
  const t = translator(input.locale);
  const count = input.tickets.length;
  const intro = t("giftClaimedEmail.intro", { count, name: input.recipientName });
  return (
    <EmailLayout locale={input.locale} title={subjectOf(input)} preview={intro}>
      <Greeting t={t} name={input.senderName} />
      <Text>{intro}</Text>
      <EventTickets t={t} locale={input.locale} copy="giftClaimedEmail" event={input.event} tickets={input.tickets} />
      <Text>{t("giftClaimedEmail.final", { count })}</Text>
      <EmailButton href={input.sentTicketsUrl}>{t("giftClaimedEmail.cta")}</EmailButton>
    </EmailLayout>
  );
}

export function giftClaimedEmail(input: GiftClaimedEmailInput): RenderedEmail {
  return renderEmail(subjectOf(input), <GiftClaimedEmail {...input} />);
}
