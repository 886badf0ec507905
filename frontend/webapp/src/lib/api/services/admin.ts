import {
  type AdminCategoryCreate,
  type AdminCategoryUpdate,
  type AdminEventCreate,
  type AdminEventUpdate,
  adminAttendeesResponseSchema,
  adminAuditResponseSchema,
  adminCategorySchema,
  adminCustomerSchema,
  adminCustomersResponseSchema,
  adminEventSchema,
  adminEventsResponseSchema,
  adminNotificationsResponseSchema,
  adminSalesSchema,
  type NotificationStatus,
  type Role,
  retryNotificationResponseSchema,
} from "@ticketrunners/shared";
import i18n from "i18next";
import { z } from "zod";
import { sessionStore } from "../../session-store";
import { api } from "../api";
import { createApiClient } from "../client";

// The operator console (admins only: anyone else gets 403 FORBIDDEN). Every change is audited by the server.

const ADMIN = "/api/v1/admin";
const id = encodeURIComponent;

/** A query string of the values that are set (an empty filter is no filter). */
function query(params: object): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A read of the console's, with the operator's token. */
const get = <S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal) =>
  api.request(`${ADMIN}${path}`, { auth: true, signal, schema });

/** A change of the console's, with the operator's token; the server audits it and answers with the result. */
const change = <S extends z.ZodType>(method: "POST" | "PATCH", path: string, schema: S, body?: unknown) =>
  api.request(`${ADMIN}${path}`, { method, body, auth: true, schema });

/** Every event in any status, soonest first, with each category's sold, held and remaining seats. */
export const listAdminEvents = (signal?: AbortSignal) => get("/events/", adminEventsResponseSchema, signal);

export const getAdminEvent = (eventId: string, signal?: AbortSignal) =>
  get(`/events/${id(eventId)}/`, adminEventSchema, signal);

/** A new event, as a draft. 400 EVENT_IN_PAST for a start that has passed. */
export const createAdminEvent = (body: AdminEventCreate) => change("POST", "/events/", adminEventSchema, body);

export const updateAdminEvent = (eventId: string, body: AdminEventUpdate) =>
  change("PATCH", `/events/${id(eventId)}/`, adminEventSchema, body);

/** Puts the event on the public list and on sale, or takes it off (its tickets stay valid). */
export const setAdminEventPublished = (eventId: string, published: boolean) =>
  change("POST", `/events/${id(eventId)}/${published ? "publish" : "unpublish"}/`, adminEventSchema);

export const createCategory = (eventId: string, body: AdminCategoryCreate) =>
  change("POST", `/events/${id(eventId)}/categories/`, adminCategorySchema, body);

/** 409 CAPACITY_BELOW_SOLD for a capacity under the seats sold and held. */
export const updateCategory = (categoryId: string, body: AdminCategoryUpdate) =>
  change("PATCH", `/categories/${id(categoryId)}/`, adminCategorySchema, body);

export const eventSales = (eventId: string, signal?: AbortSignal) =>
  get(`/events/${id(eventId)}/sales/`, adminSalesSchema, signal);

export interface AttendeesQuery {
  q?: string;
  limit: number;
  offset: number;
}

/** A page of the event's tickets with their holders (by category, then ticket number) and the total. */
export const listAttendees = (eventId: string, params: AttendeesQuery, signal?: AbortSignal) =>
  get(`/events/${id(eventId)}/attendees/${query(params)}`, adminAttendeesResponseSchema, signal);

/**
 * The attendees CSV comes with the bearer token, so a plain link cannot fetch it. This client is the app's
 * (same token store, so the same refresh, serialised across clients by the refresh lock) with a fetch that
 * hands a successful CSV answer on as one JSON string: the client's auth, refresh and error handling stay
 * as they are, and the answer is still parsed with a schema.
 */
const csvClient = createApiClient({
  store: sessionStore,
  locale: () => i18n.language,
  fetch: async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("Accept", "text/csv");
    const response = await globalThis.fetch(input, { ...init, headers });
    if (!response.ok || !(response.headers.get("content-type") ?? "").startsWith("text/csv")) return response;
    return new Response(JSON.stringify(await response.text()), {
      status: response.status,
      headers: { "Content-Type": "application/json" },
    });
  },
});

/** Every ticket of the event as CSV (`ATTENDEES_CSV_HEADER`), RFC 4180. */
export const attendeesCsv = (eventId: string) =>
  csvClient.request(`${ADMIN}/events/${id(eventId)}/attendees.csv`, { auth: true, schema: z.string() });

export interface NotificationsQuery {
  status?: NotificationStatus;
  channel?: "sms" | "email";
  template?: string;
  /** A number in any spelling, or an email address. */
  recipient?: string;
  limit: number;
  /** The last row's created_at of the page before. */
  before?: string;
}

/** The outbox ledger, newest first. */
export const listNotifications = (params: NotificationsQuery, signal?: AbortSignal) =>
  get(`/notifications/${query(params)}`, adminNotificationsResponseSchema, signal);

/** Queues a dead message again; 409 SECRET_EXPIRED when its code or link was erased, NOT_DEAD when it is not dead. */
export const retryNotification = (notificationId: string) =>
  change("POST", `/notifications/${id(notificationId)}/retry/`, retryNotificationResponseSchema);

export interface CustomersQuery {
  /** Part of a name, or a number in any spelling. */
  q?: string;
  limit: number;
  before?: string;
}

/** Customers, newest first; `next_before` is the next page's cursor (null on the last page). */
export const listCustomers = (params: CustomersQuery, signal?: AbortSignal) =>
  get(`/customers/${query(params)}`, adminCustomersResponseSchema, signal);

/** Ban (their sessions end at once) or unban. 409 CANNOT_CHANGE_OWN_ACCOUNT for the caller's own. */
export const setCustomerBanned = (customerId: string, banned: boolean) =>
  change("POST", `/customers/${id(customerId)}/${banned ? "ban" : "unban"}/`, adminCustomerSchema);

/** 409 CANNOT_CHANGE_OWN_ACCOUNT for the caller's own role. */
export const setCustomerRole = (customerId: string, role: Role) =>
  change("POST", `/customers/${id(customerId)}/role/`, adminCustomerSchema, { role });

/** Every admin change, newest first; page back with `before` = the last entry's `at`. */
export const listAudit = (params: { limit: number; before?: string }, signal?: AbortSignal) =>
  get(`/audit/${query(params)}`, adminAuditResponseSchema, signal);
