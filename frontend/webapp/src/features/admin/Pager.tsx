import { useTranslation } from "react-i18next";

/** Previous and next page of a table, and which page this is. */
export function Pager({
  page,
  pages,
  hasNext,
  onPrevious,
  onNext,
  busy = false,
}: {
  page: number;
  /** How many pages there are, when the list says. */
  pages?: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  busy?: boolean;
}) {
  const { t } = useTranslation();
  if (page === 1 && !hasNext) return null;
  return (
    <nav className="admin-pager" aria-label={t("admin.pager.label")} aria-busy={busy}>
      <button type="button" className="button button-secondary button-small" disabled={page <= 1} onClick={onPrevious}>
        {t("admin.pager.previous")}
      </button>
      <span className="admin-pager-page" data-testid="pager-page">
        {pages === undefined ? t("admin.pager.page", { page }) : t("admin.pager.pageOf", { page, pages })}
      </span>
      <button type="button" className="button button-secondary button-small" disabled={!hasNext} onClick={onNext}>
        {t("admin.pager.next")}
      </button>
    </nav>
  );
}
