import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TicketView } from "../../lib/api/types";
import { formatEventDate } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { CategoryFact, TicketNumberFact } from "./TicketFacts";

/** Event, date (as the venue's clock reads it), venue, category and ticket number: what every ticket card shows. */
export function TicketSummary({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="ticket-summary">
      <h3 className="ticket-event">
        <Link to={`/events/${ticket.event.id}`}>
          <bdi>{ticket.event.name}</bdi>
        </Link>
        {ticket.status !== "valid" && (
          <span className="badge badge-muted">{t(`myTickets.status_${ticket.status}`)}</span>
        )}
      </h3>
      <p className="ticket-when">
        <time dateTime={ticket.event.starts_at}>
          {formatEventDate(ticket.event.starts_at, locale, ticket.event.timezone)}
        </time>
        {" · "}
        <bdi>{ticket.event.venue}</bdi>
      </p>
      <dl className="ticket-facts">
        <CategoryFact ticket={ticket} />
        <TicketNumberFact ticket={ticket} />
      </dl>
    </div>
  );
}
