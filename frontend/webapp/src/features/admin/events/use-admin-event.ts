import { useQuery } from "@tanstack/react-query";
import { getAdminEvent } from "../../../lib/api/services/admin";
import { adminEventsQueryKey } from "./use-admin-events";

export const adminEventQueryKey = (id: string) => [...adminEventsQueryKey, id] as const;

/** One event in any status, with its categories' sold, held and remaining seats. */
export function useAdminEvent(id: string) {
  return useQuery({
    queryKey: adminEventQueryKey(id),
    queryFn: ({ signal }) => getAdminEvent(id, signal),
  });
}
