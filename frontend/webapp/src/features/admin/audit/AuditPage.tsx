import type { AdminAuditEntry, Locale } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { LtrText } from "../../../components/LtrText";
import { formatMoment } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { AdminList, TableCells, type TableColumn } from "../AdminTable";
import { Pager } from "../Pager";
import { useCursorPages } from "../use-cursor-pages";
import { auditActionKey, changedFields, compactJson, isAuditAction } from "./audit-words";
import { AUDIT_PAGE_SIZE, useAudit } from "./use-audit";

/** `/admin/audit`: every admin change, newest first, by the reader's clock: who, what, before → after. */
export function AuditPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.audit.title"));
  const pages = useCursorPages("audit");
  const audit = useAudit(pages.before);
  const rows = audit.data;
  const nextBefore = rows?.length === AUDIT_PAGE_SIZE ? rows.at(-1)?.at : undefined;
  return (
    <section className="admin-page" aria-labelledby="admin-audit-title">
      <h1 id="admin-audit-title">{t("admin.audit.title")}</h1>
      <p className="muted">{t("admin.audit.lead")}</p>
      <AdminList
        query={audit}
        rows={rows}
        empty={<EmptyState title={t("admin.audit.empty")} />}
        testId="audit"
        columns={auditColumns(t)}
        row={(entry) => <AuditRow key={`${entry.at}|${entry.action}|${entry.target_id}`} entry={entry} />}
        pager={<Pager {...pages.pager(nextBefore)} busy={audit.isFetching} />}
      />
    </section>
  );
}

interface AuditCells {
  entry: AdminAuditEntry;
  locale: Locale;
  /** The fields shown before and after the change, compacted; undefined where there is no side. */
  before: string | undefined;
  after: string | undefined;
}

/** The audit table: when, who, what was changed, and the change itself. */
const auditColumns = (t: TFunction): TableColumn<AuditCells>[] => [
  {
    label: t("admin.audit.when"),
    cell: ({ entry, locale }) => <time dateTime={entry.at}>{formatMoment(entry.at, locale)}</time>,
  },
  { label: t("admin.audit.who"), cell: ({ entry }) => <bdi>{entry.actor_name}</bdi> },
  {
    label: t("admin.audit.what"),
    cell: ({ entry }) => (
      <>
        {isAuditAction(entry.action) ? t(auditActionKey(entry.action)) : <code dir="ltr">{entry.action}</code>}
        <span className="admin-subline">
          {t(`admin.audit.target_${entry.target_type}`)}{" "}
          {entry.target_type === "event" ? (
            <Link to={`/admin/events/${entry.target_id}`}>
              <LtrText>{entry.target_id.slice(0, 8)}</LtrText>
            </Link>
          ) : (
            <LtrText title={entry.target_id}>{entry.target_id.slice(0, 8)}</LtrText>
          )}
        </span>
      </>
    ),
  },
  {
    label: t("admin.audit.change"),
    className: "admin-change",
    cell: ({ before, after }) => (
      <>
        {before !== undefined && (
          <code dir="ltr" className="admin-json" data-testid="audit-before">
            {before}
          </code>
        )}
        {before !== undefined && after !== undefined && (
          <>
            <span className="admin-arrow" aria-hidden="true">
              →
            </span>
            <span className="visually-hidden">{t("admin.audit.became")}</span>
          </>
        )}
        {after !== undefined && (
          <code dir="ltr" className="admin-json" data-testid="audit-after">
            {after}
          </code>
        )}
      </>
    ),
  },
];

function AuditRow({ entry }: { entry: AdminAuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = entry.action.endsWith(".updated") ? changedFields(entry.before, entry.after) : entry;
  return (
    <tr data-testid="audit-row" data-action={entry.action} data-target={entry.target_id}>
      <TableCells
        columns={auditColumns(t)}
        cells={{ entry, locale, before: compactJson(shown.before), after: compactJson(shown.after) }}
      />
    </tr>
  );
}
