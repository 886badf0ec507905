import type { AdminEvent, EventView } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/Alert";
import { CalendarIcon, PinIcon } from "../../../components/Icons";
import { formatEventDateLong } from "../../../lib/format";
import { useLocale } from "../../../lib/use-locale";
import { BookingForm } from "../../events/BookingForm";
import { useTabEvent } from "./event-context";
import { PublishControl } from "./PublishControl";

/** The event as its public page shows it (`GET /public/events/{id}/`'s view of it). */
export const publicView = (event: AdminEvent): EventView => ({
  id: event.id,
  name: event.name,
  description: event.description,
  venue: event.venue,
  starts_at: event.starts_at,
  timezone: event.timezone,
  categories: event.categories.map(({ id, name, price_minor, currency, capacity, remaining }) => ({
    id,
    name,
    price_minor,
    currency,
    capacity,
    remaining,
  })),
});

/**
 * The public event page, drawn by the public page's own booking form with the event as the public API
 * would answer it, made inert: it can be looked at, not used. Publishing happens here, after looking.
 */
export function PreviewTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const event = useTabEvent();
  const view = publicView(event);
  const started = new Date(view.starts_at).getTime() <= Date.now();
  return (
    <div className="admin-tab-body">
      <PublishControl event={event} />
      <section className="admin-preview" aria-labelledby="admin-preview-title" data-testid="public-preview">
        <p className="admin-preview-label" id="admin-preview-title">
          {t("admin.preview.label")}
        </p>
        <div className="event-page" inert>
          <header className="event-header">
            <h2 className="admin-preview-name">
              <bdi>{view.name}</bdi>
            </h2>
            <dl className="event-facts">
              <div>
                <dt>
                  <CalendarIcon />
                  <span className="visually-hidden">{t("event.when")}</span>
                </dt>
                <dd>
                  <time dateTime={view.starts_at}>{formatEventDateLong(view.starts_at, locale, view.timezone)}</time>
                </dd>
              </div>
              <div>
                <dt>
                  <PinIcon />
                  <span className="visually-hidden">{t("event.where")}</span>
                </dt>
                <dd>
                  <bdi>{view.venue}</bdi>
                </dd>
              </div>
            </dl>
            {view.description && (
              <p className="lead">
                <bdi>{view.description}</bdi>
              </p>
            )}
          </header>
          {started ? (
            <Alert tone="info">{t("event.started")}</Alert>
          ) : (
            <BookingForm key={view.categories.map((c) => c.id).join()} event={view} />
          )}
        </div>
      </section>
    </div>
  );
}
