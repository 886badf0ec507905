import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import type { SentTicketView } from "../../lib/api/types";
import { SentTicketCard } from "./SentTicketCard";

/** The tickets the customer gave away. */
export function SentTickets({ tickets }: { tickets: SentTicketView[] }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return <EmptyState title={t("myTickets.sentEmpty")} hint={t("myTickets.sentEmptyHint")} />;
  return (
    <ul className="ticket-list">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <SentTicketCard ticket={ticket} />
        </li>
      ))}
    </ul>
  );
}
