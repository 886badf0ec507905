import { Trans, useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Fact } from "../../components/Fact";
import { LtrText } from "../../components/LtrText";
import { PageLoading } from "../../components/PageLoading";
import { RecordProblem } from "../../components/RecordProblem";
import { formatEventDateLong, formatMoney } from "../../lib/format";
import { formatMobileNumber } from "../../lib/phone";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useLocale } from "../../lib/use-locale";
import { DoorCode } from "./DoorCode";
import { CategoryFact, TicketNumberFact } from "./TicketFacts";
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

  if (ticket.isPending) return <PageLoading />;

  if (ticket.isError) {
    const words = {
      missingTitle: t("ticket.notFoundTitle"),
      missingBody: t("ticket.notFoundBody"),
      failedTitle: t("ticket.loadError"),
      retry: t("ticket.retry"),
      back: t("ticket.back"),
    };
    return (
      <RecordProblem
        query={ticket}
        words={words}
        backTo="/my-tickets"
        titleId="ticket-title"
        testId="ticket-page-problem"
      />
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
        <Fact term={t("ticket.when")}>
          <time dateTime={data.event.starts_at} data-testid="ticket-when">
            {formatEventDateLong(data.event.starts_at, locale, data.event.timezone)}
          </time>
        </Fact>
        <Fact term={t("ticket.where")}>
          <bdi>{data.event.venue}</bdi>
        </Fact>
        <CategoryFact ticket={data} />
        <TicketNumberFact ticket={data} />
        <Fact term={t("ticket.price")}>
          <bdi>{data.price_minor === 0 ? t("common.free") : formatMoney(data.price_minor, data.currency, locale)}</bdi>
        </Fact>
        <Fact term={t("ticket.status")} data-testid="ticket-status" data-status={data.status}>
          {t(`ticket.status_${data.status}`)}
        </Fact>
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
