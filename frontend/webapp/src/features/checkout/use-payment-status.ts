import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { ApiError } from "../../lib/api/client";
import { confirmPayment, getPaymentStatus } from "../../lib/api/services/payments";
import type { PaymentStatusView } from "../../lib/api/types";

export const paymentStatusQueryKey = (transactionId: string) => ["payments", transactionId, "status"] as const;

export const PAYMENT_POLL_INTERVAL_MS = 1_500;
export const PAYMENT_POLL_FOR_MS = 60_000;

/** Codes that say the redirect's parameters were not usable, while the payment itself may still be fine. */
const unusableRedirect = (error: unknown) =>
  error instanceof ApiError &&
  error.status >= 400 &&
  error.status < 500 &&
  !["PAYMENT_NOT_FOUND", "UNAUTHORIZED", "ACCOUNT_BANNED"].includes(error.code);

/**
 * The status of a payment the gateway just sent the browser back from. The first load hands the
 * gateway's signed redirect parameters to the server (which may settle the payment there and then —
 * confirming is idempotent, and the webhook may have won the race); later loads only read. While the
 * payment is pending it polls, for up to a minute: after that `timedOut` is set and the page offers to
 * check again.
 */
export function usePaymentStatus(transactionId: string, redirectParams: Record<string, string>) {
  const [pollingSince, setPollingSince] = useState(() => Date.now());
  const queryKey = paymentStatusQueryKey(transactionId);

  const query = useQuery({
    queryKey,
    queryFn: async ({ signal, client }): Promise<PaymentStatusView> => {
      if (client.getQueryData(queryKey)) return getPaymentStatus(transactionId, signal);
      try {
        return await confirmPayment({ transaction_id: transactionId, params: redirectParams }, signal);
      } catch (error) {
        // A tampered or truncated redirect settles nothing, but the gateway's webhook still can.
        if (unusableRedirect(error)) return getPaymentStatus(transactionId, signal);
        throw error;
      }
    },
    refetchOnWindowFocus: false,
    refetchInterval: (q) =>
      q.state.data?.status === "pending" && Date.now() - pollingSince < PAYMENT_POLL_FOR_MS
        ? PAYMENT_POLL_INTERVAL_MS
        : false,
  });

  const timedOut =
    query.data?.status === "pending" && !query.isFetching && Date.now() - pollingSince >= PAYMENT_POLL_FOR_MS;

  return {
    data: query.data,
    error: query.error,
    isPending: query.isPending,
    isFetching: query.isFetching,
    timedOut,
    /** Asks once more and, if still pending, polls for another minute. */
    checkAgain: () => {
      setPollingSince(Date.now());
      return query.refetch();
    },
  };
}
