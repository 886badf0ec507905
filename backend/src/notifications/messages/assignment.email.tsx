/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/text";
import type { Locale } from "@ticketrunners/shared";
import type { GivenAs } from "./assignment.sms";
import { EventTickets, type EventTicketsInput } from "./event-tickets.email";
import { translator } from "./i18n";
import { EmailButton, EmailLayout, Greeting, type RenderedEmail, renderEmail } from "./layout.email";

export interface AssignmentEmailInput extends EventTicketsInput {
  locale: Locale;
  /** `existing`: the tickets are in the recipient's account; `claim`: they wait for a sign-up. */
  kind: "existing" | "claim";
  recipientName: string | null;
  /** Who gave the tickets, as the recipient knows them: the buyer, or for a transfer the sender. */
  purchaser: string;
  /** My Tickets, or the claim link (with the token's placeholder). */
  link: string;
  /** How long a claim link lives (config REGISTRATION_TOKEN_TTL_DAYS): the email says so. */
  linkTtlDays: number;
  /** "purchase" (default): bought for the recipient; "transfer": passed on by the ticket's holder. */
  givenAs?: GivenAs;
  /**
   * A reminder about tickets still waiting to be claimed (default false): a claim email whatever
   * `kind` says, with a fresh link that replaces the earlier ones.
   */
  reminder?: boolean;
}

function subjectOf(input: AssignmentEmailInput): string {
  const t = translator(input.locale);
  const event = input.event.name;
  if (input.reminder) return t("assignmentEmail.subjectReminder", { count: input.tickets.length, event });
  return input.givenAs === "transfer"
    ? t("assignmentEmail.subjectTransfer", { event })
    : t("assignmentEmail.subject", { event });
}

function introKey(input: AssignmentEmailInput) {
  const transfer = input.givenAs === "transfer";
  if (input.reminder) return transfer ? "assignmentEmail.introReminderTransfer" : "assignmentEmail.introReminder";
  return transfer ? "assignmentEmail.introTransfer" : "assignmentEmail.intro";
}

/**
 * The email to a ticket's recipient: event, date, venue, ticket numbers, who bought or sent it, the
 * link. Also the reminder to claim tickets still waiting.
 */
export function AssignmentEmail(input: AssignmentEmailInput) {
  const t = translator(input.locale);
  const count = input.tickets.length;
  const subject = subjectOf(input);
  const intro = t(introKey(input), { count, sender: input.purchaser });
  return (
    <EmailLayout locale={input.locale} title={subject} preview={intro}>
      <Greeting t={t} name={input.recipientName} />
      <Text>{intro}</Text>
      <EventTickets t={t} locale={input.locale} copy="assignmentEmail" event={input.event} tickets={input.tickets} />
      {input.kind === "existing" && !input.reminder ? (
        <>
          <Text>{t("assignmentEmail.existing", { count })}</Text>
          <EmailButton href={input.link}>{t("assignmentEmail.ctaExisting")}</EmailButton>
        </>
      ) : (
        <>
          <Text>
            {t("assignmentEmail.claim", { count })} {t("assignmentEmail.linkExpiry", { count: input.linkTtlDays })}
            {input.reminder ? ` ${t("assignmentEmail.reminderLink")}` : null}
          </Text>
          <EmailButton href={input.link}>{t("assignmentEmail.ctaClaim", { count })}</EmailButton>
        </>
      )}
    </EmailLayout>
  );
}

export function assignmentEmail(input: AssignmentEmailInput): RenderedEmail {
  return renderEmail(subjectOf(input), <AssignmentEmail {...input} />);
}
