import { useQuery } from "@tanstack/react-query";
import { checkinCounts } from "../../../lib/api/services/checkin";
import { adminEventQueryKey } from "./use-admin-event";

export const eventCheckinQueryKey = (eventId: string) => [...adminEventQueryKey(eventId), "checkin"] as const;

/** Admitted and total tickets of the event, in all and per category; fresh every half minute. */
export function useEventCheckin(eventId: string) {
  return useQuery({
    queryKey: eventCheckinQueryKey(eventId),
    queryFn: ({ signal }) => checkinCounts(eventId, signal),
    refetchInterval: 30_000,
  });
}
