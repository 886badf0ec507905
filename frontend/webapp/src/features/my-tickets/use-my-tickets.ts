import { useQuery } from "@tanstack/react-query";
import { myTickets } from "../../lib/api/services/tickets";
import type { MyTicketsResponse } from "../../lib/api/types";

export const myTicketsQueryKey = ["users", "tickets"] as const;

const inFlight = (data: MyTicketsResponse | undefined) =>
  data?.sent.some(
    (t) =>
      t.delivery.sms === "queued" ||
      t.delivery.sms === "sending" ||
      t.delivery.email === "queued" ||
      t.delivery.email === "sending",
  ) ?? false;

/**
 * The customer's tickets and the ones they gave away. While a message to a recipient is still on its
 * way the list refreshes by itself, so "Sending" turns into "Delivered" without a reload; after a
 * minute of that it slows down (the worker may be retrying with back-off).
 */
export function useMyTickets(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: myTicketsQueryKey,
    queryFn: ({ signal }) => myTickets(signal),
    enabled: options.enabled,
    refetchInterval: (query) => {
      if (!inFlight(query.state.data)) return false;
      return query.state.dataUpdateCount < 20 ? 3_000 : 30_000;
    },
  });
}
