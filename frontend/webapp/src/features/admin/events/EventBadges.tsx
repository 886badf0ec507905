import type { AdminEvent } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";

/** Draft or published, and whether the event has started (then it is off the public list either way). */
export function EventBadges({ event }: { event: AdminEvent }) {
  const { t } = useTranslation();
  const started = new Date(event.starts_at).getTime() <= Date.now();
  return (
    <span className="admin-badges">
      <span
        className={event.status === "published" ? "badge badge-success" : "badge badge-muted"}
        data-testid="event-status"
        data-status={event.status}
      >
        {event.status === "published" ? t("admin.events.published") : t("admin.events.draft")}
      </span>
      {started && <span className="badge badge-warning">{t("admin.events.started")}</span>}
    </span>
  );
}

/** Seats sold across the event's categories, and its capacity. */
export const seatTotals = (event: AdminEvent) =>
  event.categories.reduce(
    (sum, c) => ({ sold: sum.sold + c.sold, held: sum.held + c.held, capacity: sum.capacity + c.capacity }),
    { sold: 0, held: 0, capacity: 0 },
  );
