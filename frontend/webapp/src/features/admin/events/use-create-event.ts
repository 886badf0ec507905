import { useMutation, useQueryClient } from "@tanstack/react-query";
import { createAdminEvent } from "../../../lib/api/services/admin";
import { refreshAfterEventChange } from "./event-changed";
import { adminEventQueryKey } from "./use-admin-event";

/** Creates a draft event (400 EVENT_IN_PAST for a start that has passed). */
export function useCreateEvent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAdminEvent,
    onSuccess: (event) => {
      queryClient.setQueryData(adminEventQueryKey(event.id), event);
      refreshAfterEventChange(queryClient);
    },
  });
}
