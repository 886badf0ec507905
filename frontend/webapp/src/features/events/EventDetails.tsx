import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { CalendarIcon, PinIcon } from "../../components/Icons";
import type { EventView } from "../../lib/api/types";
import { formatEventDateLong } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { BookingForm } from "./BookingForm";

/**
 * An event as its public page draws it: when and where, what it is, and the booking form (or word that
 * it has started). The admin preview draws the same under its own heading, made inert.
 */
export function EventDetails({ event, heading, inert }: { event: EventView; heading: ReactNode; inert?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const started = new Date(event.starts_at).getTime() <= Date.now();

  return (
    <div className="event-page" inert={inert}>
      <header className="event-header">
        {heading}
        <dl className="event-facts">
          <div>
            <dt>
              <CalendarIcon />
              <span className="visually-hidden">{t("event.when")}</span>
            </dt>
            <dd>
              <time dateTime={event.starts_at}>{formatEventDateLong(event.starts_at, locale, event.timezone)}</time>
            </dd>
          </div>
          <div>
            <dt>
              <PinIcon />
              <span className="visually-hidden">{t("event.where")}</span>
            </dt>
            <dd>
              <bdi>{event.venue}</bdi>
            </dd>
          </div>
        </dl>
        {event.description && (
          <p className="lead">
            {/* Isolated so an English description keeps its punctuation in place on an Arabic page. */}
            <bdi>{event.description}</bdi>
          </p>
        )}
      </header>
      {started ? (
        <Alert tone="info">{t("event.started")}</Alert>
      ) : (
        // A new set of categories (edited, in the admin preview) starts the form again.
        <BookingForm key={event.categories.map((c) => c.id).join()} event={event} />
      )}
    </div>
  );
}
