import type { ComponentProps } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { TicketView } from "../../lib/api/types";

/** A ticket's card in either tab, marked with its id and number for tests and the door view. */
export function TicketCard({ ticket, ...article }: ComponentProps<"article"> & { ticket: TicketView }) {
  return (
    <article
      className="ticket-card"
      data-ticket-id={ticket.id}
      data-ticket-number={ticket.ticket_number}
      {...article}
    />
  );
}

/** Where every card leads: the ticket's own page and its history. */
export function TicketDetailsLink({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  return (
    <Link to={`/my-tickets/${ticket.id}`} className="button button-ghost button-small">
      {t("myTickets.details")}
    </Link>
  );
}
