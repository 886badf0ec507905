import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { SentTicketCard } from "./SentTicketCard";
import { MovedNotice, TicketList } from "./TicketList";

/**
 * The tickets the customer gave away. A gift taken back leaves this list for My tickets; the notice
 * that says so stays here, above the list, after its card is gone.
 */
export function SentTickets({ tickets }: { tickets: SentTicketView[] }) {
  const { t } = useTranslation();
  const [returned, setReturned] = useState<TicketView | null>(null);
  const notice = returned && (
    <MovedNotice testId="gift-returned" to="/my-tickets" linkLabel={t("myTickets.seeOwned")}>
      <Trans i18nKey="myTickets.returned" values={{ event: returned.event.name }} components={{ n: <bdi /> }} />
    </MovedNotice>
  );
  return (
    <TicketList
      tickets={tickets}
      notice={notice}
      empty={<EmptyState title={t("myTickets.sentEmpty")} hint={t("myTickets.sentEmptyHint")} />}
      card={(ticket) => <SentTicketCard ticket={ticket} onReturned={setReturned} />}
    />
  );
}
