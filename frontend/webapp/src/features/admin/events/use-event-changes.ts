import { type QueryClient, useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminEvent, AdminEventUpdate } from "@ticketrunners/shared";
import { createAdminEvent, setAdminEventPublished, updateAdminEvent } from "../../../lib/api/services/admin";
import { eventsQueryKey } from "../../../lib/query-keys";
import { refreshAfterAdminChange } from "../audit/use-audit";
import { adminEventQueryKey } from "./use-admin-event";
import { adminEventsQueryKey } from "./use-admin-events";

/**
 * After any change to an event or its categories: the console's event queries, the public pages (what is
 * listed, its prices and seats) and the audit log, which has a new entry.
 */
export function refreshAfterEventChange(queryClient: QueryClient) {
  refreshAfterAdminChange(queryClient, adminEventsQueryKey, eventsQueryKey);
}

/** A change the server answers with the whole event: its page shows the answer at once. */
function useEventChange<T>(change: (value: T) => Promise<AdminEvent>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (event) => {
      queryClient.setQueryData(adminEventQueryKey(event.id), event);
      refreshAfterEventChange(queryClient);
    },
  });
}

/** Creates a draft event (400 EVENT_IN_PAST for a start that has passed). */
export const useCreateEvent = () => useEventChange(createAdminEvent);

/** Saves the fields of an event that changed. */
export const useUpdateEvent = (eventId: string) =>
  useEventChange((patch: AdminEventUpdate) => updateAdminEvent(eventId, patch));

/** Publishes (on the public list, on sale) or unpublishes (off the list; its tickets stay valid). */
export const usePublishEvent = (eventId: string) =>
  useEventChange((published: boolean) => setAdminEventPublished(eventId, published));
