/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/text";
import { formatEventDateLong, type Locale } from "@ticketrunners/shared";
import { translator } from "./i18n";
import { EmailButton, EmailLayout, Lines, List, type RenderedEmail, renderEmail } from "./layout.email";

export interface AssignmentEmailInput {
  locale: Locale;
  kind: "existing" | "claim";
  recipientName: string | null;
  purchaser: string;
  event: { name: string; venue: string; startsAt: Date; timeZone?: string };
  tickets: { ticketNumber: string; categoryName: string }[];
  /** My Tickets, or the claim link (with the token's placeholder). */
  link: string;
  /** How long a claim link lives (config REGISTRATION_TOKEN_TTL_DAYS): the email says so. */
  linkTtlDays: number;
}

/** The email to a ticket's recipient: event, date, venue, ticket numbers, who bought it, the link. */
export function AssignmentEmail(input: AssignmentEmailInput) {
  const t = translator(input.locale);
  const count = input.tickets.length;
  const subject = t("assignmentEmail.subject", { event: input.event.name });
  const intro = t("assignmentEmail.intro", { count, purchaser: input.purchaser });
  const when = formatEventDateLong(input.event.startsAt, input.locale, input.event.timeZone);
  return (
    <EmailLayout locale={input.locale} title={subject} preview={intro}>
      <Text>
        {input.recipientName ? t("email.greeting", { name: input.recipientName }) : t("email.greetingNoName")}
      </Text>
      <Text>{intro}</Text>
      <Lines
        strongFirst
        lines={[
          input.event.name,
          t("assignmentEmail.when", { when }),
          t("assignmentEmail.where", { venue: input.event.venue }),
        ]}
      />
      <List
        items={input.tickets.map((ticket) =>
          t("assignmentEmail.ticketLine", { number: ticket.ticketNumber, category: ticket.categoryName }),
        )}
      />
      {input.kind === "existing" ? (
        <>
          <Text>{t("assignmentEmail.existing", { count })}</Text>
          <EmailButton href={input.link}>{t("assignmentEmail.ctaExisting")}</EmailButton>
        </>
      ) : (
        <>
          <Text>
            {t("assignmentEmail.claim", { count })} {t("assignmentEmail.linkExpiry", { count: input.linkTtlDays })}
          </Text>
          <EmailButton href={input.link}>{t("assignmentEmail.ctaClaim", { count })}</EmailButton>
        </>
      )}
    </EmailLayout>
  );
}

export function assignmentEmail(input: AssignmentEmailInput): RenderedEmail {
  const subject = translator(input.locale)("assignmentEmail.subject", { event: input.event.name });
  return renderEmail(subject, <AssignmentEmail {...input} />);
}
