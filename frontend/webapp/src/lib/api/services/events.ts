import { api } from "../client";
import type { EventView } from "../types";

const EVENTS = "/api/v1/public/events";

/** Upcoming events, soonest first, with what is left in each ticket category. */
export const listEvents = (signal?: AbortSignal) => api.request<EventView[]>(`${EVENTS}/`, { signal });

export const getEvent = (id: string, signal?: AbortSignal) =>
  api.request<EventView>(`${EVENTS}/${encodeURIComponent(id)}/`, { signal });
