import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cancelGift } from "../../lib/api/services/tickets";
import { myTicketsQueryKey } from "./use-my-tickets";

/** "Cancel gift" on a pending gift: the ticket moves back from Sent to My tickets. */
export function useCancelGift() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelGift,
    onSettled: () => queryClient.invalidateQueries({ queryKey: myTicketsQueryKey }),
  });
}
