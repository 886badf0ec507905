import { useQuery } from "@tanstack/react-query";
import { eventSales } from "../../../lib/api/services/admin";
import { adminEventQueryKey } from "./use-admin-event";

export const eventSalesQueryKey = (eventId: string) => [...adminEventQueryKey(eventId), "sales"] as const;

/** Seats and revenue per category, payments and tickets by state, tickets per day. */
export function useEventSales(eventId: string) {
  return useQuery({
    queryKey: eventSalesQueryKey(eventId),
    queryFn: ({ signal }) => eventSales(eventId, signal),
  });
}
