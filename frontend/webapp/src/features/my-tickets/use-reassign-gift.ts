import { useMutation, useQueryClient } from "@tanstack/react-query";
import { reassignTicket } from "../../lib/api/services/tickets";
import type { ReassignRequest } from "../../lib/api/types";
import { myTicketsQueryKey } from "./use-my-tickets";

/** "Change number" on a pending gift: it waits for the new number (or is the caller's again, for their own). */
export function useReassignGift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, body }: { ticketId: string; body: ReassignRequest }) => reassignTicket(ticketId, body),
    // A refusal (claimed meanwhile, window closed) also means the list is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: myTicketsQueryKey }),
  });
}
