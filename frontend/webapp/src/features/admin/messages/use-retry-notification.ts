import { useMutation, useQueryClient } from "@tanstack/react-query";
import { retryNotification } from "../../../lib/api/services/admin";
import { refreshAfterAdminChange } from "../audit/use-audit";
import { notificationsQueryKey } from "./use-notifications";

/**
 * Queues a dead message again with a fresh set of attempts. Refused with SECRET_EXPIRED when the message
 * carried a code or claim link that was erased when it died, NOT_DEAD when someone retried it first.
 */
export function useRetryNotification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryNotification,
    onSettled: () => refreshAfterAdminChange(queryClient, notificationsQueryKey),
  });
}
