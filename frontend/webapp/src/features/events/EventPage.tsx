import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { Alert } from "../../components/Alert";
import { CalendarIcon, PinIcon } from "../../components/Icons";
import { ApiError } from "../../lib/api/client";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatEventDateLong } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useLocale } from "../../lib/use-locale";
import { BookingForm } from "./BookingForm";
import { useEvent } from "./use-event";

/** An event: when and where, and the booking form. Anyone may look; buying needs an account. */
export function EventPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const event = useEvent(id);
  const locale = useLocale();
  useDocumentTitle(event.data?.name ?? (event.isError ? t("event.notFoundTitle") : undefined));

  if (event.isPending) return <p className="page-loading">{t("common.loading")}</p>;

  if (event.isError) {
    // A malformed id is refused as invalid input (400): to the visitor it is just as missing.
    const missing = event.error instanceof ApiError && (event.error.status === 404 || event.error.status === 400);
    return (
      <section className="page page-centered" aria-labelledby="event-title">
        <h1 id="event-title">{missing ? t("event.notFoundTitle") : t("events.loadError")}</h1>
        <p className="lead">{missing ? t("event.notFoundBody") : apiErrorMessage(t, event.error)}</p>
        {!missing && (
          <button type="button" className="button button-secondary" onClick={() => event.refetch()}>
            {t("events.retry")}
          </button>
        )}
        <Link to="/" className="button button-primary">
          {t("event.backToEvents")}
        </Link>
      </section>
    );
  }

  const data = event.data;
  const started = new Date(data.starts_at).getTime() <= Date.now();

  return (
    <div className="event-page">
      <header className="event-header">
        <h1 id="event-title">
          <bdi>{data.name}</bdi>
        </h1>
        <dl className="event-facts">
          <div>
            <dt>
              <CalendarIcon />
              <span className="visually-hidden">{t("event.when")}</span>
            </dt>
            <dd>
              <time dateTime={data.starts_at}>{formatEventDateLong(data.starts_at, locale, data.timezone)}</time>
            </dd>
          </div>
          <div>
            <dt>
              <PinIcon />
              <span className="visually-hidden">{t("event.where")}</span>
            </dt>
            <dd>
              <bdi>{data.venue}</bdi>
            </dd>
          </div>
        </dl>
        {data.description && (
          <p className="lead">
            {/* Isolated so an English description keeps its punctuation in place on an Arabic page. */}
            <bdi>{data.description}</bdi>
          </p>
        )}
      </header>
      {started ? <Alert tone="info">{t("event.started")}</Alert> : <BookingForm event={data} />}
    </div>
  );
}
