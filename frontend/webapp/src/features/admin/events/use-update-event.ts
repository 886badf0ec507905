import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminEventUpdate } from "@ticketrunners/shared";
import { updateAdminEvent } from "../../../lib/api/services/admin";
import { refreshAfterEventChange } from "./event-changed";
import { adminEventQueryKey } from "./use-admin-event";

/** Saves the fields of an event that changed. */
export function useUpdateEvent(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: AdminEventUpdate) => updateAdminEvent(eventId, patch),
    onSuccess: (event) => {
      refreshAfterEventChange(queryClient);
      queryClient.setQueryData(adminEventQueryKey(event.id), event);
    },
  });
}
