import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminCategoryCreate, AdminEvent } from "@ticketrunners/shared";
import { createCategory } from "../../../lib/api/services/admin";
import { adminEventQueryKey } from "./use-admin-event";
import { refreshAfterEventChange } from "./use-event-changes";

/** Adds a ticket category to the event (price 0: free, booked without a payment); it shows at once. */
export function useCreateCategory(eventId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AdminCategoryCreate) => createCategory(eventId, body),
    onSuccess: (category) => {
      queryClient.setQueryData<AdminEvent>(
        adminEventQueryKey(eventId),
        (event) => event && { ...event, categories: [...event.categories, category] },
      );
      refreshAfterEventChange(queryClient);
    },
  });
}
