import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setAdminEventPublished } from "../../../lib/api/services/admin";
import { refreshAfterEventChange } from "./event-changed";
import { adminEventQueryKey } from "./use-admin-event";

/** Publishes (on the public list, on sale) or unpublishes (off the list; its tickets stay valid). */
export function usePublishEvent(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) => setAdminEventPublished(eventId, published),
    onSuccess: (event) => {
      refreshAfterEventChange(queryClient);
      queryClient.setQueryData(adminEventQueryKey(event.id), event);
    },
  });
}
