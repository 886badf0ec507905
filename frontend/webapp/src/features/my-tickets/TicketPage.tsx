import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LtrText } from "../../components/LtrText";
import { ApiError } from "../../lib/api/client";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatEventDateLong, formatMoney } from "../../lib/format";
import { formatMobileNumber } from "../../lib/phone";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useLocale } from "../../lib/use-locale";
import { DoorCode } from "./DoorCode";
import { TicketHistory } from "./TicketHistory";
import { isSentView } from "./ticket-views";
import { useTicket } from "./use-ticket";

/**
 * `/my-tickets/:id`: one ticket the customer holds or gave away, its event (at the venue's time), and
 * everything that happened to it. Other people's numbers in the history come masked from the server.
 */
export function TicketPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const ticket = useTicket(id);
  useDocumentTitle(ticket.data?.event.name ?? (ticket.isError ? t("ticket.notFoundTitle") : undefined));

  if (ticket.isPending) return <p className="page-loading">{t("common.loading")}</p>;

  if (ticket.isError) {
    // A malformed id is refused as invalid input (400): to the customer it is just as missing.
    const missing = ticket.error instanceof ApiError && (ticket.error.status === 404 || ticket.error.status === 400);
    return (
      <section className="page page-centered" aria-labelledby="ticket-title" data-testid="ticket-page-problem">
        <h1 id="ticket-title">{missing ? t("ticket.notFoundTitle") : t("ticket.loadError")}</h1>
        <p className="lead">{missing ? t("ticket.notFoundBody") : apiErrorMessage(t, ticket.error)}</p>
        {!missing && (
          <button type="button" className="button button-secondary" onClick={() => ticket.refetch()}>
            {t("ticket.retry")}
          </button>
        )}
        <Link to="/my-tickets" className="button button-primary">
          {t("ticket.back")}
        </Link>
      </section>
    );
  }

  const data = ticket.data;
  const sent = isSentView(data) ? data : null;
  const recipient = sent?.assignee ? formatMobileNumber(sent.assignee.mobile_number) : "";

  return (
    <section className="page ticket-page" aria-labelledby="ticket-title" data-testid="ticket-page">
      <Link to={sent ? "/my-tickets?tab=sent" : "/my-tickets"} className="back-link">
        {t("ticket.back")}
      </Link>
      <h1 id="ticket-title">
        <bdi>{data.event.name}</bdi>
      </h1>
      <p className="lead" data-testid="ticket-holder">
        {sent ? (
          <Trans
            i18nKey={sent.claim_status === "claimed" ? "ticket.givenClaimed" : "ticket.givenPending"}
            values={{ mobile: recipient }}
            components={{ n: <LtrText /> }}
          />
        ) : (
          t("ticket.held")
        )}
      </p>
      <dl className="ticket-page-facts card">
        <div>
          <dt>{t("ticket.when")}</dt>
          <dd>
            <time dateTime={data.event.starts_at} data-testid="ticket-when">
              {formatEventDateLong(data.event.starts_at, locale, data.event.timezone)}
            </time>
          </dd>
        </div>
        <div>
          <dt>{t("ticket.where")}</dt>
          <dd>
            <bdi>{data.event.venue}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("myTickets.category")}</dt>
          <dd>
            <bdi>{data.category.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("myTickets.ticketNumber")}</dt>
          <dd data-testid="ticket-number">
            <LtrText>{data.ticket_number}</LtrText>
          </dd>
        </div>
        <div>
          <dt>{t("ticket.price")}</dt>
          <dd>
            <bdi>
              {data.price_minor === 0 ? t("common.free") : formatMoney(data.price_minor, data.currency, locale)}
            </bdi>
          </dd>
        </div>
        <div>
          <dt>{t("ticket.status")}</dt>
          <dd data-testid="ticket-status" data-status={data.status}>
            {t(`ticket.status_${data.status}`)}
          </dd>
        </div>
      </dl>
      {!sent && data.door_code && data.status === "valid" && (
        <div className="ticket-page-door card">
          <DoorCode ticket={data} code={data.door_code} />
        </div>
      )}
      <section className="ticket-history" aria-labelledby="history-title">
        <h2 id="history-title">{t("ticket.historyTitle")}</h2>
        {data.history.length === 0 ? (
          <p className="muted">{t("ticket.historyEmpty")}</p>
        ) : (
          <TicketHistory entries={data.history} />
        )}
      </section>
    </section>
  );
}
