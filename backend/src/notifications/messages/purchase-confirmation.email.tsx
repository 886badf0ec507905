/** @jsxRuntime automatic @jsxImportSource react */
import { Text } from "@react-email/text";
import { formatEventDateLong, formatMoney, type Locale } from "@ticketrunners/shared";
import { translator } from "./i18n";
import { EmailButton, EmailLayout, List, type RenderedEmail, renderEmail } from "./layout.email";

export interface PurchaseConfirmationInput {
  locale: Locale;
  buyerName: string;
  event: { name: string; venue: string; startsAt: Date; timeZone?: string };
  tickets: { ticketNumber: string; categoryName: string; forName: string | null }[];
  amountMinor: number;
  currency: string;
  myTicketsUrl: string;
}

const subjectOf = (input: PurchaseConfirmationInput) =>
  translator(input.locale)("purchaseConfirmationEmail.subject", {
    count: input.tickets.length,
    event: input.event.name,
  });

/** The buyer's receipt: every ticket and whom it is for, the total, the link to My Tickets. */
export function PurchaseConfirmationEmail(input: PurchaseConfirmationInput) {
  const t = translator(input.locale);
  const count = input.tickets.length;
  const intro = t("purchaseConfirmationEmail.intro", { count });
  const when = formatEventDateLong(input.event.startsAt, input.locale, input.event.timeZone);
  return (
    <EmailLayout locale={input.locale} title={subjectOf(input)} preview={intro}>
      <Text>{t("email.greeting", { name: input.buyerName })}</Text>
      <Text>{intro}</Text>
      <Text>
        <strong>
          {t("purchaseConfirmationEmail.eventLine", { event: input.event.name, when, venue: input.event.venue })}
        </strong>
      </Text>
      <List
        items={input.tickets.map((ticket) =>
          t("purchaseConfirmationEmail.ticketLine", {
            number: ticket.ticketNumber,
            category: ticket.categoryName,
            holder: ticket.forName
              ? t("purchaseConfirmationEmail.forOther", { name: ticket.forName })
              : t("purchaseConfirmationEmail.forYou"),
          }),
        )}
      />
      <Text>
        <strong>
          {t("purchaseConfirmationEmail.total", {
            amount: formatMoney(input.amountMinor, input.currency, input.locale),
          })}
        </strong>
      </Text>
      <Text>{t("purchaseConfirmationEmail.note")}</Text>
      <EmailButton href={input.myTicketsUrl}>{t("purchaseConfirmationEmail.cta")}</EmailButton>
    </EmailLayout>
  );
}

export function purchaseConfirmationEmail(input: PurchaseConfirmationInput): RenderedEmail {
  return renderEmail(subjectOf(input), <PurchaseConfirmationEmail {...input} />);
}
