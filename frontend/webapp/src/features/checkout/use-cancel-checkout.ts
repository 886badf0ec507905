import { useMutation, useQueryClient } from "@tanstack/react-query";
import { cancelCheckout } from "../../lib/api/services/payments";
import { eventsQueryKey } from "../../lib/query-keys";
import { openCheckoutsQueryKey } from "./use-open-checkouts";
import { paymentStatusQueryKey } from "./use-payment-status";

/** "Cancel" on a pending checkout: the server releases its seats at once and answers `cancelled`. */
export function useCancelCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelCheckout,
    // A status poll still on its way would answer "pending" and overwrite the cancellation.
    onMutate: (transactionId) => queryClient.cancelQueries({ queryKey: paymentStatusQueryKey(transactionId) }),
    onSuccess: (payment) => queryClient.setQueryData(paymentStatusQueryKey(payment.transaction_id), payment),
    // Refused (PAYMENT_NOT_PENDING: paid, declined or expired meanwhile): the status shown is out of date.
    onError: (_error, transactionId) =>
      queryClient.invalidateQueries({ queryKey: paymentStatusQueryKey(transactionId) }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: openCheckoutsQueryKey });
      // The released seats are back in the event's remaining counts.
      void queryClient.invalidateQueries({ queryKey: eventsQueryKey });
    },
  });
}
