import { api } from "../client";
import type {
  CheckoutResponse,
  ConfirmPaymentRequest,
  OpenCheckoutsResponse,
  PaymentStatusView,
  PurchaseRequest,
} from "../types";

const PAYMENTS = "/api/v1/payments";

/**
 * Holds the seats and returns the gateway's hosted payment page; the server prices the order itself.
 * Only for purchases with something to pay: free tickets are booked (`bookTickets`).
 */
export const processPayment = (body: PurchaseRequest) =>
  api.request<CheckoutResponse>(`${PAYMENTS}/process/`, { body, auth: true });

/** The browser's return from the gateway: the signed parameters may settle the payment. Idempotent. */
export const confirmPayment = (body: ConfirmPaymentRequest, signal?: AbortSignal) =>
  api.request<PaymentStatusView>(`${PAYMENTS}/confirm/`, { body, auth: true, signal });

export const getPaymentStatus = (id: string, signal?: AbortSignal) =>
  api.request<PaymentStatusView>(`${PAYMENTS}/${encodeURIComponent(id)}/status/`, { auth: true, signal });

/** The caller's checkouts still waiting for payment, newest first. */
export const listOpenCheckouts = (signal?: AbortSignal) =>
  api.request<OpenCheckoutsResponse>(`${PAYMENTS}/open/`, { auth: true, signal });

/** Gives up a pending checkout: its seats go back on sale at once. */
export const cancelCheckout = (id: string) =>
  api.request<PaymentStatusView>(`${PAYMENTS}/${encodeURIComponent(id)}/cancel/`, { method: "POST", auth: true });
