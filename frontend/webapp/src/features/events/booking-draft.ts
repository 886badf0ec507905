import type { EventView } from "../../lib/api/types";
import type { BookingValues } from "./booking-form";

// A signed-out visitor who fills the form is sent to log in first; their choices wait here (this tab
// only, gone when it closes) so they come back to the form as they left it.
const key = (eventId: string) => `tr.booking-draft.${eventId}`;

export function saveBookingDraft(eventId: string, values: BookingValues) {
  try {
    sessionStorage.setItem(key(eventId), JSON.stringify(values));
  } catch {
    // Storage blocked or full: they fill the form again, nothing worse.
  }
}

/** The draft for this event, once: it is removed as it is read. Ignored if the categories changed. */
export function takeBookingDraft(event: EventView): BookingValues | undefined {
  try {
    const raw = sessionStorage.getItem(key(event.id));
    if (raw === null) return undefined;
    sessionStorage.removeItem(key(event.id));
    const draft = JSON.parse(raw) as BookingValues;
    const sameCategories =
      Array.isArray(draft?.items) &&
      draft.items.length === event.categories.length &&
      draft.items.every((item, i) => item?.category_id === event.categories[i]?.id && Array.isArray(item.assignees));
    return sameCategories ? draft : undefined;
  } catch {
    return undefined;
  }
}
