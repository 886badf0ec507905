import { useMutation, useQueryClient } from "@tanstack/react-query";
import { processPayment } from "../../lib/api/services/payments";
import { eventsQueryKey } from "../../lib/query-keys";
import { myTicketsQueryKey } from "../my-tickets/use-my-tickets";
import { openCheckoutsQueryKey } from "./use-open-checkouts";

/**
 * "Continue to payment": holds the seats and sends the browser to the gateway's hosted page, which
 * brings it back to /payments/confirmation.
 */
export function useStartCheckout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: processPayment,
    onSuccess: (checkout) => {
      // Seats are now held, so what is left in each category has changed.
      void queryClient.invalidateQueries({ queryKey: eventsQueryKey });
      void queryClient.invalidateQueries({ queryKey: myTicketsQueryKey });
      void queryClient.invalidateQueries({ queryKey: openCheckoutsQueryKey });
      window.location.assign(checkout.checkout_url);
    },
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: eventsQueryKey });
      // TOO_MANY_OPEN_CHECKOUTS: the list to pay or cancel from must be the current one.
      void queryClient.invalidateQueries({ queryKey: openCheckoutsQueryKey });
    },
  });
}
