import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useParams } from "react-router";
import { isNotFound } from "../../../lib/api/not-found";
import { formatEventDateLong } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { LoadProblem } from "../LoadProblem";
import { EventBadges } from "./EventBadges";
import { useAdminEvent } from "./use-admin-event";

/** `/admin/events/:id`: the event's name, status and start, and its tabs. */
export function AdminEventPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = "" } = useParams();
  const event = useAdminEvent(id);
  useDocumentTitle(event.data?.name ?? t("admin.events.title"));

  if (event.isPending) return <p className="page-loading">{t("common.loading")}</p>;
  if (event.isError) {
    const missing = isNotFound(event.error);
    return (
      <section className="admin-page">
        <Link to="/admin/events" className="back-link">
          {t("admin.event.back")}
        </Link>
        {missing ? <h1>{t("admin.event.notFound")}</h1> : <LoadProblem query={event} />}
      </section>
    );
  }

  const data = event.data;
  const base = `/admin/events/${data.id}`;
  return (
    <section className="admin-page" aria-labelledby="admin-event-title">
      <Link to="/admin/events" className="back-link">
        {t("admin.event.back")}
      </Link>
      <header className="admin-event-head">
        <h1 id="admin-event-title">
          <bdi>{data.name}</bdi>
        </h1>
        <EventBadges event={data} />
        <p className="muted">
          <time dateTime={data.starts_at}>{formatEventDateLong(data.starts_at, locale, data.timezone)}</time>{" "}
          <span dir="ltr">({data.timezone})</span> · <bdi>{data.venue}</bdi>
        </p>
      </header>
      <nav className="admin-tabs" aria-label={t("admin.event.tabsLabel")}>
        <NavLink to={base} end>
          {t("admin.event.tabDetails")}
        </NavLink>
        <NavLink to={`${base}/preview`}>{t("admin.event.tabPreview")}</NavLink>
        <NavLink to={`${base}/sales`}>{t("admin.event.tabSales")}</NavLink>
        <NavLink to={`${base}/attendees`}>{t("admin.event.tabAttendees")}</NavLink>
        <NavLink to={`${base}/check-in`}>{t("admin.event.tabCheckin")}</NavLink>
      </nav>
      <Outlet context={data} />
    </section>
  );
}
