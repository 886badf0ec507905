import { useMutation, useQueryClient } from "@tanstack/react-query";
import { checkIn } from "../../lib/api/services/checkin";
import type { CheckinRequest } from "../../lib/api/types";
import { checkinCountsQueryKey } from "./use-checkin-counts";

/**
 * POST checkin: admits a ticket or says why not (a refusal is an answer, not an error). An admission
 * changes the event's counts, so they are refreshed.
 */
export function useCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CheckinRequest) => checkIn(body),
    onSuccess: (answer, body) => {
      if (answer.result === "admitted")
        void queryClient.invalidateQueries({ queryKey: checkinCountsQueryKey(body.event_id) });
    },
  });
}
