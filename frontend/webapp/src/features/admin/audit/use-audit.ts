import { keepPreviousData, type QueryClient, type QueryKey, useQuery } from "@tanstack/react-query";
import { listAudit } from "../../../lib/api/services/admin";
import { adminQueryKey } from "../admin-query-key";

export const auditQueryKey = [...adminQueryKey, "audit"] as const;

export const AUDIT_PAGE_SIZE = 25;

/** A page of the audit log, newest first, older than `before` (an entry's `at`). Every admin change refreshes it. */
export function useAudit(before: string | undefined) {
  return useQuery({
    queryKey: [...auditQueryKey, { before }],
    queryFn: ({ signal }) => listAudit({ limit: AUDIT_PAGE_SIZE, before }, signal),
    placeholderData: keepPreviousData,
  });
}

/** After an admin change: the queries that show what changed, and the audit log, which has a new entry. */
export function refreshAfterAdminChange(queryClient: QueryClient, ...changed: QueryKey[]) {
  for (const queryKey of [...changed, auditQueryKey]) void queryClient.invalidateQueries({ queryKey });
}
