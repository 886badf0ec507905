import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { apiErrorMessage } from "../../lib/error-messages";

/** A query that failed: why, and Try again. */
export function LoadProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="load-error">
      <Alert>
        {t("admin.loadError")} {apiErrorMessage(t, error)}
      </Alert>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t("admin.retry")}
      </button>
    </div>
  );
}

/** What a query is doing while it has nothing to show: loading, or failed with Try again. */
export function QueryState({ query }: { query: Pick<UseQueryResult, "isPending" | "isError" | "error" | "refetch"> }) {
  const { t } = useTranslation();
  return (
    <>
      {query.isPending && <p className="page-loading">{t("common.loading")}</p>}
      {query.isError && <LoadProblem error={query.error} onRetry={() => query.refetch()} />}
    </>
  );
}
