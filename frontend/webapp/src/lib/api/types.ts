import type { accountSchemas, TicketView } from "@ticketrunners/shared";
import type { z } from "zod";

export type {
  ApiErrorBody,
  AuthTokens,
  ClaimStatus,
  DeliveryStatus,
  EventView,
  Locale,
  MyTicketsResponse,
  PurchaseRequest,
  SentTicketView,
  TicketCategoryView,
  TicketView,
  User,
  ValidateRegistrationTokenResponse,
} from "@ticketrunners/shared";

type AccountSchemas = ReturnType<typeof accountSchemas>;

/** Request bodies are what the shared schemas output: mobile numbers already in E.164. */
export type RegisterRequest = z.output<AccountSchemas["register"]>;
/**
 * The webapp always sends the signup's secrets, although the schemas leave them optional (so the server
 * can refuse a missing one with the same 401 as a wrong one).
 */
export type VerifyOtpRequest = z.output<AccountSchemas["verifyOtp"]> & { signup_id: string };
export type CompleteRegistrationRequest = z.output<AccountSchemas["completeRegistration"]> & { signup_token: string };
export type LoginRequest = z.output<AccountSchemas["login"]>;
export type VerifyLoginOtpRequest = z.output<AccountSchemas["verifyLoginOtp"]>;
export type RefreshTokenRequest = z.output<AccountSchemas["refreshToken"]>;

export interface RegisterResponse {
  /** Names this register call: the code it texted is accepted only with it. */
  signup_id: string;
  mobile_number: string;
}

export interface VerifyOtpResponse {
  mobile_verified: true;
  /** The one key to finishing this signup (30 minutes, single use). Kept in memory only. */
  signup_token: string;
}

export interface LoginResponse {
  otp_required: true;
}

/** POST /tickets/book/: free categories only; the tickets exist at once. */
export interface BookResponse {
  payment_id: string;
  tickets: TicketView[];
}

/** POST /payments/process/: the gateway's hosted page to send the browser to. */
export interface CheckoutResponse {
  transaction_id: string;
  checkout_url: string;
  expires_at: string;
}

export type PaymentStatus = "pending" | "paid" | "failed" | "expired" | "cancelled";

/** POST /payments/confirm/, POST /payments/{id}/cancel/ and GET /payments/{id}/status/ */
export interface PaymentStatusView {
  transaction_id: string;
  status: PaymentStatus;
  amount_minor: number;
  currency: string;
  event_id: string;
  /** Tickets issued so far: all of them once the payment is paid. */
  ticket_count: number;
  expires_at: string | null;
}

/** GET /payments/open/: one of the caller's checkouts still waiting for payment, holding its seats. */
export interface OpenCheckoutView {
  transaction_id: string;
  status: "pending";
  amount_minor: number;
  currency: string;
  event_id: string;
  event_name: string;
  /** Tickets the checkout is for. */
  ticket_count: number;
  expires_at: string | null;
  /** The gateway's page where the buyer can still pay; null when its gateway is no longer configured. */
  checkout_url: string | null;
}

export interface OpenCheckoutsResponse {
  payments: OpenCheckoutView[];
}

/** `details.open` of a 409 TOO_MANY_OPEN_CHECKOUTS. */
export interface OpenCheckoutSummary {
  transaction_id: string;
  event_id: string;
  event_name: string;
  expires_at: string | null;
}

export interface ConfirmPaymentRequest {
  transaction_id: string;
  /** Every query parameter the gateway put on the redirect; the server checks their signature. */
  params?: Record<string, string>;
}

/** POST /users/tickets/{id}/resend-claim/ */
export interface ResendClaimResponse {
  resent: true;
  expires_at: string;
}
