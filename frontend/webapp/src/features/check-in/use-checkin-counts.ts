import { useQuery } from "@tanstack/react-query";
import { checkinCounts } from "../../lib/api/services/checkin";

export const checkinCountsQueryKey = (eventId: string) => ["checkin", "events", eventId, "counts"] as const;

/**
 * Admitted and total tickets of the event. Every admission here refreshes it (useCheckIn); other doors'
 * admissions show within half a minute.
 */
export function useCheckinCounts(eventId: string) {
  return useQuery({
    queryKey: checkinCountsQueryKey(eventId),
    queryFn: ({ signal }) => checkinCounts(eventId, signal),
    refetchInterval: 30_000,
  });
}
