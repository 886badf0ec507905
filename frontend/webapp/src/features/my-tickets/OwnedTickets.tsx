import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import type { TicketView } from "../../lib/api/types";
import { TicketSummary } from "./TicketSummary";

/** The tickets the customer holds; one someone else bought for them says who. */
export function OwnedTickets({ tickets }: { tickets: TicketView[] }) {
  const { t } = useTranslation();
  if (tickets.length === 0) {
    return (
      <EmptyState title={t("myTickets.empty")} hint={t("myTickets.emptyHint")}>
        <Link to="/" className="button button-primary">
          {t("myTickets.browseEvents")}
        </Link>
      </EmptyState>
    );
  }
  return (
    <ul className="ticket-list">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <article className="ticket-card" data-testid="owned-ticket" data-ticket-number={ticket.ticket_number}>
            <TicketSummary ticket={ticket} />
            {ticket.purchaser_name && (
              <p className="ticket-from" data-testid="purchaser-name">
                <Trans i18nKey="myTickets.from" values={{ name: ticket.purchaser_name }} components={{ n: <bdi /> }} />
              </p>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}
