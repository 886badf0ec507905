import type { UseQueryResult } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LoadError } from "../../components/LoadError";
import { PageLoading } from "../../components/PageLoading";

type Query = Pick<UseQueryResult, "isPending" | "isError" | "error" | "refetch">;

/** A query that failed: why, and Try again. */
export function LoadProblem({ query }: { query: Pick<Query, "error" | "refetch"> }) {
  const { t } = useTranslation();
  return <LoadError query={query} message={t("admin.loadError")} retryLabel={t("admin.retry")} />;
}

/** What a query is doing while it has nothing to show: loading, or failed with Try again. */
export function QueryState({ query }: { query: Query }) {
  return (
    <>
      {query.isPending && <PageLoading />}
      {query.isError && <LoadProblem query={query} />}
    </>
  );
}
