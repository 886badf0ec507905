import type { QueryClient } from "@tanstack/react-query";
import { eventsQueryKey } from "../../../lib/query-keys";
import { auditQueryKey } from "../audit/use-audit";
import { adminEventsQueryKey } from "./use-admin-events";

/**
 * After any change to an event or its categories: the console's event queries, the public pages (what is
 * listed, its prices and seats) and the audit log, which has a new entry.
 */
export function refreshAfterEventChange(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: adminEventsQueryKey });
  void queryClient.invalidateQueries({ queryKey: eventsQueryKey });
  void queryClient.invalidateQueries({ queryKey: auditQueryKey });
}
