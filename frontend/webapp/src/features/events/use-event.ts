import { useQuery } from "@tanstack/react-query";
import { getEvent } from "../../lib/api/services/events";
import { eventsQueryKey } from "./use-events";

export const eventQueryKey = (id: string) => [...eventsQueryKey, id] as const;

/** One event with its categories and what is left of each. */
export function useEvent(id: string) {
  return useQuery({
    queryKey: eventQueryKey(id),
    queryFn: ({ signal }) => getEvent(id, signal),
    staleTime: 15_000,
  });
}
