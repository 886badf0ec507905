import type { AdminAuditEntry } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyState } from "../../../components/EmptyState";
import { LtrText } from "../../../components/LtrText";
import { formatMoment } from "../../../lib/format";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { useLocale } from "../../../lib/use-locale";
import { LoadProblem } from "../LoadProblem";
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
  const rows = audit.data ?? [];
  const last = rows.at(-1);
  return (
    <section className="admin-page" aria-labelledby="admin-audit-title">
      <h1 id="admin-audit-title">{t("admin.audit.title")}</h1>
      <p className="muted">{t("admin.audit.lead")}</p>
      {audit.isPending && <p className="page-loading">{t("common.loading")}</p>}
      {audit.isError && <LoadProblem error={audit.error} onRetry={() => audit.refetch()} />}
      {audit.data && rows.length === 0 && <EmptyState title={t("admin.audit.empty")} />}
      {rows.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">{t("admin.audit.when")}</th>
                <th scope="col">{t("admin.audit.who")}</th>
                <th scope="col">{t("admin.audit.what")}</th>
                <th scope="col">{t("admin.audit.change")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((entry) => (
                <AuditRow key={`${entry.at}|${entry.action}|${entry.target_id}`} entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        page={pages.page}
        hasNext={rows.length === AUDIT_PAGE_SIZE}
        busy={audit.isFetching}
        onPrevious={pages.previous}
        onNext={() => last && pages.next(last.at)}
      />
    </section>
  );
}

function AuditRow({ entry }: { entry: AdminAuditEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown = entry.action.endsWith(".updated") ? changedFields(entry.before, entry.after) : entry;
  const before = compactJson(shown.before);
  const after = compactJson(shown.after);
  return (
    <tr data-testid="audit-row" data-action={entry.action} data-target={entry.target_id}>
      <td>
        <time dateTime={entry.at}>{formatMoment(entry.at, locale)}</time>
      </td>
      <td>
        <bdi>{entry.actor_name}</bdi>
      </td>
      <td>
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
      </td>
      <td className="admin-change">
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
      </td>
    </tr>
  );
}
