import { useQuery } from "@tanstack/react-query";
import { listEvents } from "../../lib/api/services/events";

/** The upcoming-events list; also the prefix of every event query, so invalidating it refreshes them all. */
export const eventsQueryKey = ["events"] as const;

export function useEvents() {
  return useQuery({
    queryKey: eventsQueryKey,
    queryFn: ({ signal }) => listEvents(signal),
    // What is left in each category changes as people buy; a minute is fresh enough for a listing.
    staleTime: 60_000,
  });
}
