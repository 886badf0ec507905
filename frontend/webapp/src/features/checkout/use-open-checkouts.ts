import { useQuery } from "@tanstack/react-query";
import { listOpenCheckouts } from "../../lib/api/services/payments";

export const openCheckoutsQueryKey = ["payments", "open"] as const;

/**
 * The signed-in buyer's checkouts still waiting for payment (at most 3 at once), newest first: each
 * holds seats until it expires, and can be paid or cancelled.
 */
export function useOpenCheckouts(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: openCheckoutsQueryKey,
    queryFn: ({ signal }) => listOpenCheckouts(signal),
    enabled: options.enabled,
    select: (response) => response.payments,
  });
}
