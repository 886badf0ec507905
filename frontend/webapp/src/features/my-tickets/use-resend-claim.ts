import { useMutation, useQueryClient } from "@tanstack/react-query";
import { resendClaimLink } from "../../lib/api/services/tickets";
import { myTicketsQueryKey } from "./use-my-tickets";

/** "Resend link" on a ticket still waiting for its recipient; refreshes its delivery status afterwards. */
export function useResendClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendClaimLink,
    // A refusal (already claimed) also means the list is out of date.
    onSettled: () => queryClient.invalidateQueries({ queryKey: myTicketsQueryKey }),
  });
}
