import { api } from "../client";
import type { CheckoutResponse, ConfirmPaymentRequest, PaymentStatusView, PurchaseRequest } from "../types";

const PAYMENTS = "/api/v1/payments";

/** Holds the seats and returns the gateway's hosted payment page; the server prices the order itself. */
export const processPayment = (body: PurchaseRequest) =>
  api.request<CheckoutResponse>(`${PAYMENTS}/process/`, { body, auth: true });

/** The browser's return from the gateway: the signed parameters may settle the payment. Idempotent. */
export const confirmPayment = (body: ConfirmPaymentRequest, signal?: AbortSignal) =>
  api.request<PaymentStatusView>(`${PAYMENTS}/confirm/`, { body, auth: true, signal });

export const getPaymentStatus = (id: string, signal?: AbortSignal) =>
  api.request<PaymentStatusView>(`${PAYMENTS}/${encodeURIComponent(id)}/status/`, { auth: true, signal });
