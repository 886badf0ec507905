/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/text";
import { formatEventDateLong, type Locale } from "@ticketrunners/shared";
import { translator } from "./i18n";
import { EmailButton, EmailLayout, Lines, List, type RenderedEmail, renderEmail } from "./layout.email";

export interface GiftClaimedEmailInput {
  /** The sender's locale: the email goes to them. */
  locale: Locale;
  /** The sender's name, for the greeting ("Hi," without one). */
  senderName?: string | null;
  /** The name of the account that claimed the tickets. */
  recipientName: string;
  /** `timeZone`: the event's IANA zone, for its date and time (Africa/Cairo when absent). */
  event: { name: string; venue: string; startsAt: Date; timeZone?: string };
  /** The tickets just claimed (at least one). */
  tickets: { ticketNumber: string; categoryName: string }[];
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
  const when = formatEventDateLong(input.event.startsAt, input.locale, input.event.timeZone);
  return (
    <EmailLayout locale={input.locale} title={subjectOf(input)} preview={intro}>
      <Text>{input.senderName ? t("email.greeting", { name: input.senderName }) : t("email.greetingNoName")}</Text>
      <Text>{intro}</Text>
      <Lines
        strongFirst
        lines={[
          input.event.name,
          t("giftClaimedEmail.when", { when }),
          t("giftClaimedEmail.where", { venue: input.event.venue }),
        ]}
      />
      <List
        items={input.tickets.map((ticket) =>
          t("giftClaimedEmail.ticketLine", { number: ticket.ticketNumber, category: ticket.categoryName }),
        )}
      />
      <Text>{t("giftClaimedEmail.final", { count })}</Text>
      <EmailButton href={input.sentTicketsUrl}>{t("giftClaimedEmail.cta")}</EmailButton>
    </EmailLayout>
  );
}

export function giftClaimedEmail(input: GiftClaimedEmailInput): RenderedEmail {
  return renderEmail(subjectOf(input), <GiftClaimedEmail {...input} />);
}
