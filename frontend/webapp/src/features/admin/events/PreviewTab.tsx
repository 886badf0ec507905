import type { AdminEvent, EventView } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { EventDetails } from "../../events/EventDetails";
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
  const event = useTabEvent();
  return (
    <div className="admin-tab-body">
      <PublishControl event={event} />
      <section className="admin-preview" aria-labelledby="admin-preview-title" data-testid="public-preview">
        <p className="admin-preview-label" id="admin-preview-title">
          {t("admin.preview.label")}
        </p>
        <EventDetails
          event={publicView(event)}
          inert
          heading={
            <h2 className="admin-preview-name">
              <bdi>{event.name}</bdi>
            </h2>
          }
        />
      </section>
    </div>
  );
}
