import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { LtrText } from "../../components/LtrText";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { formatMobileNumber } from "../../lib/phone";
import { OwnedTicketCard } from "./OwnedTicketCard";
import { MovedNotice, TicketList } from "./TicketList";

/**
 * The tickets the customer holds; one someone else bought for them says who. A ticket sent to someone
 * leaves this list for Sent; the notice that says so stays here, above the list, after its card is gone.
 */
export function OwnedTickets({ tickets }: { tickets: TicketView[] }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<SentTicketView | null>(null);
  const notice = sent && (
    <MovedNotice testId="ticket-sent" to="/my-tickets?tab=sent" linkLabel={t("myTickets.seeSent")}>
      <Trans
        i18nKey={sent.claim_status === "claimed" ? "myTickets.sentHeld" : "myTickets.sentAway"}
        values={{
          event: sent.event.name,
          mobile: sent.assignee ? formatMobileNumber(sent.assignee.mobile_number) : "",
        }}
        components={{ e: <bdi />, n: <LtrText /> }}
      />
    </MovedNotice>
  );
  return (
    <TicketList
      tickets={tickets}
      notice={notice}
      empty={
        <EmptyState title={t("myTickets.empty")} hint={t("myTickets.emptyHint")}>
          <Link to="/" className="button button-primary">
            {t("myTickets.browseEvents")}
          </Link>
        </EmptyState>
      }
      card={(ticket) => <OwnedTicketCard ticket={ticket} onSent={setSent} />}
    />
  );
}
