import type { AdminAttendee } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "../../../components/Alert";
import { LtrText } from "../../../components/LtrText";
import { apiErrorMessage } from "../../../lib/error-messages";
import { formatEventDate } from "../../../lib/format";
import { formatMobileNumber } from "../../../lib/phone";
import { useLocale } from "../../../lib/use-locale";
import { AdminList, TableCells, type TableColumn } from "../AdminTable";
import { Pager } from "../Pager";
import { SearchForm } from "../SearchForm";
import { useTabEvent } from "./event-context";
import { ATTENDEES_PAGE_SIZE, useAttendees } from "./use-attendees";
import { useDownloadAttendees } from "./use-download-attendees";

/** The attendee table: ticket number, category, holder, mobile, state, and when checked in, if yet. */
const attendeeColumns = (t: TFunction, when: (at: string) => string): TableColumn<AdminAttendee>[] => [
  { label: t("admin.attendees.ticketNumber"), cell: (a) => <LtrText>{a.ticket_number}</LtrText> },
  { label: t("admin.attendees.category"), cell: (a) => <bdi>{a.category}</bdi> },
  { label: t("admin.attendees.holder"), cell: (a) => <bdi>{a.holder_name ?? "—"}</bdi> },
  {
    label: t("admin.attendees.mobile"),
    cell: (a) => (a.holder_mobile ? <LtrText>{formatMobileNumber(a.holder_mobile)}</LtrText> : "—"),
  },
  {
    label: t("admin.attendees.state"),
    cell: (a) => (
      <span className={a.state === "owned" ? "badge badge-success" : "badge badge-warning"}>
        {a.state === "owned" ? t("admin.attendees.owned") : t("admin.attendees.waiting")}
      </span>
    ),
  },
  {
    label: t("admin.attendees.checkedIn"),
    cell: (a) =>
      a.checked_in_at ? (
        <time dateTime={a.checked_in_at}>{when(a.checked_in_at)}</time>
      ) : (
        <span className="muted">{t("admin.attendees.notCheckedIn")}</span>
      ),
  },
];

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
  const columns = attendeeColumns(t, (at) => formatEventDate(at, locale, event.timezone));
  const pages = Math.max(1, Math.ceil((attendees.data?.total ?? 0) / ATTENDEES_PAGE_SIZE));
  const goTo = (next: { q?: string; page?: number }) => {
    const search = new URLSearchParams();
    const nextQ = next.q ?? q;
    if (nextQ) search.set("q", nextQ);
    if ((next.page ?? 1) > 1) search.set("page", String(next.page));
    setParams(search, { replace: true });
  };

  return (
    <div className="admin-tab-body">
      <div className="admin-toolbar">
        <SearchForm
          id="attendee-search"
          label={t("admin.attendees.search")}
          placeholder={t("admin.attendees.searchPlaceholder")}
          submit={t("admin.attendees.searchSubmit")}
          initial={q}
          onSearch={(typed) => goTo({ q: typed, page: 1 })}
        />
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
      <AdminList
        query={attendees}
        rows={attendees.data?.attendees}
        summary={
          attendees.data && (
            <p className="muted" data-testid="attendees-total">
              {q
                ? t("admin.attendees.matching", { count: attendees.data.total, q })
                : t("admin.attendees.total", { count: attendees.data.total })}
            </p>
          )
        }
        testId="attendees"
        columns={columns}
        row={(a) => (
          <tr key={a.ticket_id} data-testid="attendee-row" data-ticket-number={a.ticket_number}>
            <TableCells columns={columns} cells={a} />
          </tr>
        )}
        pager={
          attendees.data && (
            <Pager
              page={page}
              pages={pages}
              hasNext={page < pages}
              busy={attendees.isFetching}
              onPrevious={() => goTo({ page: page - 1 })}
              onNext={() => goTo({ page: page + 1 })}
            />
          )
        }
      />
    </div>
  );
}
