import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "../../../components/Alert";
import { LtrText } from "../../../components/LtrText";
import { apiErrorMessage } from "../../../lib/error-messages";
import { formatEventDate } from "../../../lib/format";
import { formatMobileNumber } from "../../../lib/phone";
import { useLocale } from "../../../lib/use-locale";
import { LoadProblem } from "../LoadProblem";
import { Pager } from "../Pager";
import { useTabEvent } from "./event-context";
import { ATTENDEES_PAGE_SIZE, useAttendees } from "./use-attendees";
import { useDownloadAttendees } from "./use-download-attendees";

/**
 * The event's tickets and who holds them (or, for a ticket still waiting to be claimed, whom it waits
 * for), searched by ticket number, name or number, a page at a time; and the whole list as CSV. The
 * search and page are in the URL.
 */
export function AttendeesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const event = useTabEvent();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const attendees = useAttendees(event.id, q, page);
  const download = useDownloadAttendees(event.id, event.name);
  const [typed, setTyped] = useState(q);
  const pages = Math.max(1, Math.ceil((attendees.data?.total ?? 0) / ATTENDEES_PAGE_SIZE));
  const goTo = (next: { q?: string; page?: number }) => {
    const search = new URLSearchParams();
    const nextQ = next.q ?? q;
    if (nextQ) search.set("q", nextQ);
    if ((next.page ?? 1) > 1) search.set("page", String(next.page));
    setParams(search, { replace: true });
  };
  const onSearch = (e: FormEvent) => {
    e.preventDefault();
    goTo({ q: typed.trim(), page: 1 });
  };

  return (
    <div className="admin-tab-body">
      <div className="admin-toolbar">
        <form className="admin-search" onSubmit={onSearch}>
          <label htmlFor="attendee-search" className="visually-hidden">
            {t("admin.attendees.search")}
          </label>
          <input
            id="attendee-search"
            type="search"
            value={typed}
            placeholder={t("admin.attendees.searchPlaceholder")}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="button button-secondary button-small">
            {t("admin.attendees.searchSubmit")}
          </button>
        </form>
        <button
          type="button"
          className="button button-primary button-small"
          data-testid="download-csv"
          disabled={download.isPending}
          aria-busy={download.isPending}
          onClick={() => download.mutate()}
        >
          {t("admin.attendees.download")}
        </button>
      </div>
      {download.error && <Alert>{apiErrorMessage(t, download.error)}</Alert>}
      {attendees.isPending && <p className="page-loading">{t("common.loading")}</p>}
      {attendees.isError && <LoadProblem error={attendees.error} onRetry={() => attendees.refetch()} />}
      {attendees.data && (
        <>
          <p className="muted" data-testid="attendees-total">
            {q
              ? t("admin.attendees.matching", { count: attendees.data.total, q })
              : t("admin.attendees.total", { count: attendees.data.total })}
          </p>
          {attendees.data.attendees.length > 0 && (
            <div className="admin-table-wrap">
              <table className="admin-table" data-testid="attendees">
                <thead>
                  <tr>
                    <th scope="col">{t("admin.attendees.ticketNumber")}</th>
                    <th scope="col">{t("admin.attendees.category")}</th>
                    <th scope="col">{t("admin.attendees.holder")}</th>
                    <th scope="col">{t("admin.attendees.mobile")}</th>
                    <th scope="col">{t("admin.attendees.state")}</th>
                    <th scope="col">{t("admin.attendees.checkedIn")}</th>
                  </tr>
                </thead>
                <tbody>
                  {attendees.data.attendees.map((a) => (
                    <tr key={a.ticket_id} data-testid="attendee-row" data-ticket-number={a.ticket_number}>
                      <td>
                        <LtrText>{a.ticket_number}</LtrText>
                      </td>
                      <td>
                        <bdi>{a.category}</bdi>
                      </td>
                      <td>
                        <bdi>{a.holder_name ?? "—"}</bdi>
                      </td>
                      <td>{a.holder_mobile ? <LtrText>{formatMobileNumber(a.holder_mobile)}</LtrText> : "—"}</td>
                      <td>
                        <span className={a.state === "owned" ? "badge badge-success" : "badge badge-warning"}>
                          {a.state === "owned" ? t("admin.attendees.owned") : t("admin.attendees.waiting")}
                        </span>
                      </td>
                      <td>
                        {a.checked_in_at ? (
                          <time dateTime={a.checked_in_at}>
                            {formatEventDate(a.checked_in_at, locale, event.timezone)}
                          </time>
                        ) : (
                          <span className="muted">{t("admin.attendees.notCheckedIn")}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            pages={pages}
            hasNext={page < pages}
            busy={attendees.isFetching}
            onPrevious={() => goTo({ page: page - 1 })}
            onNext={() => goTo({ page: page + 1 })}
          />
        </>
      )}
    </div>
  );
}
