import { bookResponseSchema, myTicketsResponseSchema, resendClaimResponseSchema } from "@ticketrunners/shared";
import { api } from "../api";
import type { PurchaseRequest } from "../types";

/** Books free tickets (every category priced 0; a priced one is refused): the tickets exist at once. */
export const bookTickets = (body: PurchaseRequest) =>
  api.request("/api/v1/tickets/book/", { body, auth: true, schema: bookResponseSchema });

/** The tickets the customer holds and the ones they gave away, with claim and delivery status. */
export const myTickets = (signal?: AbortSignal) =>
  api.request("/api/v1/users/tickets/", { auth: true, signal, schema: myTicketsResponseSchema });

/** Sends a pending ticket's claim link again; earlier links for that recipient stop working. */
export const resendClaimLink = (ticketId: string) =>
  api.request(`/api/v1/users/tickets/${encodeURIComponent(ticketId)}/resend-claim/`, {
    method: "POST",
    auth: true,
    schema: resendClaimResponseSchema,
  });
