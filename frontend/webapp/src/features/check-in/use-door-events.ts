import { useQuery } from "@tanstack/react-query";
import { doorEvents } from "../../lib/api/services/checkin";

export const doorEventsQueryKey = ["checkin", "events"] as const;

/** The events the door can check in, including one that has just started. */
export function useDoorEvents() {
  return useQuery({ queryKey: doorEventsQueryKey, queryFn: ({ signal }) => doorEvents(signal), staleTime: 60_000 });
}
