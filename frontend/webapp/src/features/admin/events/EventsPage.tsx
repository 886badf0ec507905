import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { formatEventDate } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { LoadProblem } from "../LoadProblem";
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
  const [page, setPage] = useState(1);
  const all = events.data ?? [];
  const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const shown = all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <section className="admin-page" aria-labelledby="admin-events-title">
      <div className="admin-page-head">
        <h1 id="admin-events-title">{t("admin.events.title")}</h1>
        <Link to="/admin/events/new" className="button button-primary">
          {t("admin.events.new")}
        </Link>
      </div>
      {events.isPending && <p className="page-loading">{t("common.loading")}</p>}
      {events.isError && <LoadProblem error={events.error} onRetry={() => events.refetch()} />}
      {events.data?.length === 0 && <EmptyState title={t("admin.events.empty")} hint={t("admin.events.emptyHint")} />}
      {shown.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="admin-events">
            <thead>
              <tr>
                <th scope="col">{t("admin.events.name")}</th>
                <th scope="col">{t("admin.events.status")}</th>
                <th scope="col">{t("admin.events.starts")}</th>
                <th scope="col" className="admin-number">
                  {t("admin.events.sold")}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((event) => {
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
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={page}
        pages={pages}
        hasNext={page < pages}
        onPrevious={() => setPage((p) => Math.max(1, p - 1))}
        onNext={() => setPage((p) => Math.min(pages, p + 1))}
      />
    </section>
  );
}
