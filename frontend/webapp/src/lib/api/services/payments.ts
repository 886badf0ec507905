import { checkoutResponseSchema, openCheckoutsResponseSchema, paymentStatusViewSchema } from "@ticketrunners/shared";
import { api } from "../api";
import type { ConfirmPaymentRequest, PurchaseRequest } from "../types";

const PAYMENTS = "/api/v1/payments";

/**
 * Holds the seats and returns the gateway's hosted payment page; the server prices the order itself.
 * Only for purchases with something to pay: free tickets are booked (`bookTickets`).
 */
export const processPayment = (body: PurchaseRequest) =>
  api.request(`${PAYMENTS}/process/`, { body, auth: true, schema: checkoutResponseSchema });

/** The browser's return from the gateway: the signed parameters may settle the payment. Idempotent. */
export const confirmPayment = (body: ConfirmPaymentRequest, signal?: AbortSignal) =>
  api.request(`${PAYMENTS}/confirm/`, { body, auth: true, signal, schema: paymentStatusViewSchema });

export const getPaymentStatus = (id: string, signal?: AbortSignal) =>
  api.request(`${PAYMENTS}/${encodeURIComponent(id)}/status/`, { auth: true, signal, schema: paymentStatusViewSchema });

/** The caller's checkouts still waiting for payment, newest first. */
export const listOpenCheckouts = (signal?: AbortSignal) =>
  api.request(`${PAYMENTS}/open/`, { auth: true, signal, schema: openCheckoutsResponseSchema });

/** Gives up a pending checkout: its seats go back on sale at once. */
export const cancelCheckout = (id: string) =>
  api.request(`${PAYMENTS}/${encodeURIComponent(id)}/cancel/`, {
    method: "POST",
    auth: true,
    schema: paymentStatusViewSchema,
  });
