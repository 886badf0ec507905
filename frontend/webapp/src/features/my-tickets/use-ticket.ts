import { useQuery } from "@tanstack/react-query";
import { myTicket } from "../../lib/api/services/tickets";
import { myTicketsQueryKey } from "./use-my-tickets";

/** Under the list's key, so everything that refreshes My tickets refreshes an open ticket page too. */
export const ticketQueryKey = (ticketId: string) => [...myTicketsQueryKey, ticketId] as const;

/** One ticket the customer holds or gave away, with its history. */
export function useTicket(ticketId: string) {
  return useQuery({
    queryKey: ticketQueryKey(ticketId),
    queryFn: ({ signal }) => myTicket(ticketId, signal),
  });
}
