import { useMutation, useQueryClient } from "@tanstack/react-query";
import { bookTickets } from "../../lib/api/services/tickets";
import { myTicketsQueryKey } from "../my-tickets/use-my-tickets";
import { eventsQueryKey } from "./use-events";

/** Books free tickets (`tickets/book`): no gateway, the tickets are issued by the time it answers. */
export function useBookFreeTickets() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bookTickets,
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: myTicketsQueryKey }),
    // Booked or refused (SOLD_OUT, PAYMENT_REQUIRED after a price change), the counts and prices may differ now.
    onSettled: () => queryClient.invalidateQueries({ queryKey: eventsQueryKey }),
  });
}
