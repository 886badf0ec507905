import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../components/Alert";
import { EmptyState } from "../../components/EmptyState";
import { LtrText } from "../../components/LtrText";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { formatMobileNumber } from "../../lib/phone";
import { OwnedTicketCard } from "./OwnedTicketCard";

/**
 * The tickets the customer holds; one someone else bought for them says who. A ticket sent to someone
 * leaves this list for Sent; the notice that says so stays here, above the list, after its card is gone.
 */
export function OwnedTickets({ tickets }: { tickets: TicketView[] }) {
  const { t } = useTranslation();
  const [sent, setSent] = useState<SentTicketView | null>(null);
  const notice = sent && (
    <div data-testid="ticket-sent">
      <Alert tone="success">
        <Trans
          i18nKey={sent.claim_status === "claimed" ? "myTickets.sentHeld" : "myTickets.sentAway"}
          values={{
            event: sent.event.name,
            mobile: sent.assignee ? formatMobileNumber(sent.assignee.mobile_number) : "",
          }}
          components={{ e: <bdi />, n: <LtrText /> }}
        />{" "}
        <Link to="/my-tickets?tab=sent">{t("myTickets.seeSent")}</Link>
      </Alert>
    </div>
  );
  if (tickets.length === 0) {
    return (
      <>
        {notice}
        <EmptyState title={t("myTickets.empty")} hint={t("myTickets.emptyHint")}>
          <Link to="/" className="button button-primary">
            {t("myTickets.browseEvents")}
          </Link>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      {notice}
      <ul className="ticket-list">
        {tickets.map((ticket) => (
          <li key={ticket.id}>
            <OwnedTicketCard ticket={ticket} onSent={setSent} />
          </li>
        ))}
      </ul>
    </>
  );
}
