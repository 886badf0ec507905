import { useQuery } from "@tanstack/react-query";
import { listEvents } from "../../lib/api/services/events";
import { eventsQueryKey } from "../../lib/query-keys";

/** The upcoming-events list; its key is also the prefix of every event query. */
export { eventsQueryKey };

export function useEvents() {
  return useQuery({
    queryKey: eventsQueryKey,
    queryFn: ({ signal }) => listEvents(signal),
    // What is left in each category changes as people buy; a minute is fresh enough for a listing.
    staleTime: 60_000,
  });
}
