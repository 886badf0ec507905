import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../components/Alert";
import { EmptyState } from "../../components/EmptyState";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { SentTicketCard } from "./SentTicketCard";

/**
 * The tickets the customer gave away. A gift taken back leaves this list for My tickets; the notice
 * that says so stays here, above the list, after its card is gone.
 */
export function SentTickets({ tickets }: { tickets: SentTicketView[] }) {
  const { t } = useTranslation();
  const [returned, setReturned] = useState<TicketView | null>(null);
  const notice = returned && (
    <div data-testid="gift-returned">
      <Alert tone="success">
        <Trans i18nKey="myTickets.returned" values={{ event: returned.event.name }} components={{ n: <bdi /> }} />{" "}
        <Link to="/my-tickets">{t("myTickets.seeOwned")}</Link>
      </Alert>
    </div>
  );
  if (tickets.length === 0) {
    return (
      <>
        {notice}
        <EmptyState title={t("myTickets.sentEmpty")} hint={t("myTickets.sentEmptyHint")} />
      </>
    );
  }
  return (
    <>
      {notice}
      <ul className="ticket-list">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <SentTicketCard ticket={ticket} onReturned={setReturned} />
          </li>
        ))}
      </ul>
    </>
  );
}
