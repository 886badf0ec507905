import {
  checkinAdmittedSchema,
  checkinCountsSchema,
  checkinRefusedSchema,
  eventListSchema,
} from "@ticketrunners/shared";
import { api } from "../api";
import type { CheckinRequest } from "../types";

const CHECKIN = "/api/v1/checkin";

/**
 * Admits a ticket at the door (a scanned door code or a typed ticket number). A refusal (409, or 404 for
 * `unknown`) is an answer, not a failure: it says why, and for a used ticket when and by whom.
 */
export const checkIn = (body: CheckinRequest) =>
  api.request(`${CHECKIN}/`, { body, auth: true, schema: checkinAdmittedSchema, refusal: checkinRefusedSchema });

/** The events door staff can check in: those that started in the last day, and the upcoming ones. */
export const doorEvents = (signal?: AbortSignal) =>
  api.request(`${CHECKIN}/events/`, { auth: true, signal, schema: eventListSchema });

/** How many of an event's tickets were admitted, in all and per category. */
export const checkinCounts = (eventId: string, signal?: AbortSignal) =>
  api.request(`${CHECKIN}/events/${encodeURIComponent(eventId)}/`, { auth: true, signal, schema: checkinCountsSchema });
