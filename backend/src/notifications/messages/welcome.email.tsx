/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/text";
import { formatEventDateLong, type Locale } from "@ticketrunners/shared";
import { translator } from "./i18n";
import { EmailButton, EmailLayout, List, type RenderedEmail, renderEmail } from "./layout.email";

export interface WelcomeTicket {
  ticketNumber: string;
  eventName: string;
  startsAt: Date;
  /** The event's time zone; Africa/Cairo until events carry one. */
  timeZone?: string;
  categoryName: string;
  purchaserName: string;
}

export interface WelcomeEmailInput {
  name: string;
  locale: Locale;
  myTicketsUrl: string;
  /** Tickets that were waiting for this number and are now in the account. */
  tickets?: WelcomeTicket[];
}

/** The email after sign-up, listing the tickets that were waiting for the new account's number. */
export function WelcomeEmail(input: WelcomeEmailInput) {
  const t = translator(input.locale);
  const tickets = input.tickets ?? [];
  const subject = t("welcomeEmail.subject");
  return (
    <EmailLayout locale={input.locale} title={subject} preview={t("welcomeEmail.intro")}>
      <Text>{t("email.greeting", { name: input.name })}</Text>
      <Text>{t("welcomeEmail.intro")}</Text>
      {tickets.length > 0 ? (
        <>
          <Text>{t("welcomeEmail.waiting", { count: tickets.length })}</Text>
          <List
            items={tickets.map((ticket) =>
              t("welcomeEmail.ticketLine", {
                event: ticket.eventName,
                when: formatEventDateLong(ticket.startsAt, input.locale, ticket.timeZone),
                category: ticket.categoryName,
                number: ticket.ticketNumber,
                purchaser: ticket.purchaserName,
              }),
            )}
          />
        </>
      ) : null}
      <EmailButton href={input.myTicketsUrl}>{t("welcomeEmail.cta")}</EmailButton>
    </EmailLayout>
  );
}

export function welcomeEmail(input: WelcomeEmailInput): RenderedEmail {
  return renderEmail(translator(input.locale)("welcomeEmail.subject"), <WelcomeEmail {...input} />);
}
