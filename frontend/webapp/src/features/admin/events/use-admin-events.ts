import { useQuery } from "@tanstack/react-query";
import { listAdminEvents } from "../../../lib/api/services/admin";
import { adminQueryKey } from "../admin-query-key";

/** Every event in any status; also the prefix of each event's own queries (event, sales, attendees). */
export const adminEventsQueryKey = [...adminQueryKey, "events"] as const;

export function useAdminEvents() {
  return useQuery({
    queryKey: adminEventsQueryKey,
    queryFn: ({ signal }) => listAdminEvents(signal),
    select: (answer) => answer.events,
  });
}
