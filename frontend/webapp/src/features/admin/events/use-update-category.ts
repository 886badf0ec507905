import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { AdminCategoryUpdate, AdminEvent } from "@ticketrunners/shared";
import { updateCategory } from "../../../lib/api/services/admin";
import { adminEventQueryKey } from "./use-admin-event";
import { refreshAfterEventChange } from "./use-event-changes";

/**
 * Renames, reprices (new purchases only) or resizes a category; 409 CAPACITY_BELOW_SOLD for fewer seats
 * than are sold and held. The event shows the answer at once; a refusal refreshes too, since the seats
 * taken may have changed meanwhile.
 */
export function useUpdateCategory(categoryId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: AdminCategoryUpdate) => updateCategory(categoryId, patch),
    onSuccess: (category) =>
      queryClient.setQueryData<AdminEvent>(
        adminEventQueryKey(category.event_id),
        (event) =>
          event && { ...event, categories: event.categories.map((c) => (c.id === category.id ? category : c)) },
      ),
    onSettled: () => refreshAfterEventChange(queryClient),
  });
}
