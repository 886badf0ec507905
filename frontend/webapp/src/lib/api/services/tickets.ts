import { api } from "../client";
import type { BookResponse, MyTicketsResponse, PurchaseRequest, ResendClaimResponse } from "../types";

/** Books free tickets (every category priced 0; a priced one is refused): the tickets exist at once. */
export const bookTickets = (body: PurchaseRequest) =>
  api.request<BookResponse>("/api/v1/tickets/book/", { body, auth: true });

/** The tickets the customer holds and the ones they gave away, with claim and delivery status. */
export const myTickets = (signal?: AbortSignal) =>
  api.request<MyTicketsResponse>("/api/v1/users/tickets/", { auth: true, signal });

/** Sends a pending ticket's claim link again; earlier links for that recipient stop working. */
export const resendClaimLink = (ticketId: string) =>
  api.request<ResendClaimResponse>(`/api/v1/users/tickets/${encodeURIComponent(ticketId)}/resend-claim/`, {
    method: "POST",
    auth: true,
  });
