import { useMutation, useQueryClient } from "@tanstack/react-query";
import { transferTicket } from "../../lib/api/services/tickets";
import type { TransferRequest } from "../../lib/api/types";
import { myTicketsQueryKey } from "./use-my-tickets";

/** "Send to someone": the ticket moves from My tickets to Sent. */
export function useTransferTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ ticketId, body }: { ticketId: string; body: TransferRequest }) => transferTicket(ticketId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: myTicketsQueryKey }),
  });
}
