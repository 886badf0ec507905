import {
  bookResponseSchema,
  myTicketResponseSchema,
  myTicketsResponseSchema,
  reassignResponseSchema,
  resendClaimResponseSchema,
  sentTicketViewSchema,
  ticketViewSchema,
  transferCodeResponseSchema,
} from "@ticketrunners/shared";
import { api } from "../api";
import type { PurchaseRequest, ReassignRequest, TransferRequest } from "../types";

const TICKETS = "/api/v1/users/tickets";
const ticketPath = (ticketId: string, action = "") =>
  `${TICKETS}/${encodeURIComponent(ticketId)}/${action ? `${action}/` : ""}`;

/** Books free tickets (every category priced 0; a priced one is refused): the tickets exist at once. */
export const bookTickets = (body: PurchaseRequest) =>
  api.request("/api/v1/tickets/book/", { body, auth: true, schema: bookResponseSchema });

/** The tickets the customer holds and the ones they gave away, with claim and delivery status. */
export const myTickets = (signal?: AbortSignal) =>
  api.request(`${TICKETS}/`, { auth: true, signal, schema: myTicketsResponseSchema });

/** One ticket the customer holds or gave away, with its history (other people's numbers masked). */
export const myTicket = (ticketId: string, signal?: AbortSignal) =>
  api.request(ticketPath(ticketId), { auth: true, signal, schema: myTicketResponseSchema });

/** Sends a pending ticket's claim link again; earlier links for that recipient stop working. */
export const resendClaimLink = (ticketId: string) =>
  api.request(ticketPath(ticketId, "resend-claim"), {
    method: "POST",
    auth: true,
    schema: resendClaimResponseSchema,
  });

/**
 * A pending gift waits for another number instead (the wrong-number case): the old number's link stops
 * working. Answers the sent view, or the ticket view when the new number is the caller's own (a cancel).
 */
export const reassignTicket = (ticketId: string, body: ReassignRequest) =>
  api.request(ticketPath(ticketId, "reassign"), { body, auth: true, schema: reassignResponseSchema });

/** Takes back a pending gift: the ticket is the caller's again and its links stop working. */
export const cancelGift = (ticketId: string) =>
  api.request(ticketPath(ticketId, "cancel-gift"), { method: "POST", auth: true, schema: ticketViewSchema });

/** Texts the caller a code for passing tickets on; it serves all their transfers until it expires. */
export const requestTransferCode = () =>
  api.request(`${TICKETS}/transfer-code/`, { method: "POST", auth: true, schema: transferCodeResponseSchema });

/** Passes a held ticket on to someone, with the code texted to the holder. Answers the sent view. */
export const transferTicket = (ticketId: string, body: TransferRequest) =>
  api.request(ticketPath(ticketId, "transfer"), { body, auth: true, schema: sentTicketViewSchema });
