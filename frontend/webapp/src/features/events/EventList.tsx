import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../components/EmptyState";
import { CalendarIcon, PinIcon } from "../../components/Icons";
import { LoadError } from "../../components/LoadError";
import { PageLoading } from "../../components/PageLoading";
import type { EventView } from "../../lib/api/types";
import { formatEventDate, formatMoney } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { useEvents } from "./use-events";

/** The home page's list of upcoming events, soonest first. */
export function EventList() {
  const { t } = useTranslation();
  const events = useEvents();

  return (
    <section className="events-section" aria-labelledby="events-title">
      <h2 id="events-title">{t("events.title")}</h2>
      {events.isPending && <PageLoading />}
      {events.isError && <LoadError query={events} message={t("events.loadError")} retryLabel={t("events.retry")} />}
      {events.data?.length === 0 && <EmptyState title={t("events.empty")} hint={t("events.emptyHint")} />}
      {events.data && events.data.length > 0 && (
        <ul className="event-grid">
          {events.data.map((event) => (
            <li key={event.id}>
              <EventCard event={event} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function EventCard({ event }: { event: EventView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const available = event.categories.filter((c) => c.remaining > 0);
  const hasFree = available.some((c) => c.price_minor === 0);
  const cheapestPriced = available
    .filter((c) => c.price_minor > 0)
    .reduce<(typeof available)[number] | undefined>(
      (low, c) => (low === undefined || c.price_minor < low.price_minor ? c : low),
      undefined,
    );
  const priceFrom = cheapestPriced && formatMoney(cheapestPriced.price_minor, cheapestPriced.currency, locale);
  let priceLabel = t("events.from", { price: priceFrom });
  if (hasFree) priceLabel = priceFrom ? t("events.freeOrFrom", { price: priceFrom }) : t("common.free");

  return (
    <article className="event-card" data-testid="event-card">
      <p className="event-card-date">
        <CalendarIcon />
        <time dateTime={event.starts_at}>{formatEventDate(event.starts_at, locale, event.timezone)}</time>
      </p>
      <h3 className="event-card-title">
        {/* The link covers the whole card (see .event-card-link::after). */}
        <Link to={`/events/${event.id}`} className="event-card-link">
          <bdi>{event.name}</bdi>
        </Link>
      </h3>
      <p className="event-card-venue">
        <PinIcon />
        <bdi>{event.venue}</bdi>
      </p>
      <div className="event-card-footer">
        {available.length > 0 ? (
          <span className="event-card-price" data-testid="event-price">
            {priceLabel}
          </span>
        ) : (
          <span className="badge badge-muted" data-testid="sold-out">
            {t("events.soldOut")}
          </span>
        )}
      </div>
    </article>
  );
}
