import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { formatEventDate } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { AdminList } from "../AdminTable";
import { Pager } from "../Pager";
import { EventBadges, seatTotals } from "./EventBadges";
import { useAdminEvents } from "./use-admin-events";

const PAGE_SIZE = 20;

/** `/admin/events`: every event in any status, soonest first, with its start at the venue and seats sold. */
export function EventsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(t("admin.events.title"));
  const events = useAdminEvents();
  const [chosenPage, setPage] = useState(1);
  const all = events.data ?? [];
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  // Within the list as it is now: it may have come back shorter than when the page was chosen.
  const page = Math.min(chosenPage, pages);
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <section className="admin-page" aria-labelledby="admin-events-title">
      <div className="admin-page-head">
        <h1 id="admin-events-title">{t("admin.events.title")}</h1>
        <Link to="/admin/events/new" className="button button-primary">
          {t("admin.events.new")}
        </Link>
      </div>
      <AdminList
        query={events}
        rows={events.data && shown}
        empty={<EmptyState title={t("admin.events.empty")} hint={t("admin.events.emptyHint")} />}
        testId="admin-events"
        columns={[
          { label: t("admin.events.name") },
          { label: t("admin.events.status") },
          { label: t("admin.events.starts") },
          { label: t("admin.events.sold"), numeric: true },
        ]}
        row={(event) => {
          const seats = seatTotals(event);
          return (
            <tr key={event.id} data-testid="admin-event-row" data-event-id={event.id}>
              <td>
                <Link to={`/admin/events/${event.id}`} className="admin-strong-link">
                  <bdi>{event.name}</bdi>
                </Link>
                <span className="admin-subline">
                  <bdi>{event.venue}</bdi>
                </span>
              </td>
              <td>
                <EventBadges event={event} />
              </td>
              <td>
                <time dateTime={event.starts_at}>{formatEventDate(event.starts_at, locale, event.timezone)}</time>
                <span className="admin-subline" dir="ltr">
                  {event.timezone}
                </span>
              </td>
              <td className="admin-number" data-testid="event-seats">
                {t("admin.events.soldOf", { sold: seats.sold, capacity: seats.capacity })}
              </td>
            </tr>
          );
        }}
        pager={
          <Pager
            page={page}
            pages={pages}
            hasNext={page < pages}
            onPrevious={() => setPage(page - 1)}
            onNext={() => setPage(page + 1)}
          />
        }
      />
    </section>
  );
}
