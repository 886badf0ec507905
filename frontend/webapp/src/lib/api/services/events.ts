import { eventListSchema, eventViewSchema } from "@ticketrunners/shared";
import { api } from "../api";

const EVENTS = "/api/v1/public/events";

/** Upcoming events, soonest first, with what is left in each ticket category. */
export const listEvents = (signal?: AbortSignal) => api.request(`${EVENTS}/`, { signal, schema: eventListSchema });

export const getEvent = (id: string, signal?: AbortSignal) =>
  api.request(`${EVENTS}/${encodeURIComponent(id)}/`, { signal, schema: eventViewSchema });
