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
export type VerifyOtpRequest = z.output<AccountSchemas["verifyOtp"]>;
export type CompleteRegistrationRequest = z.output<AccountSchemas["completeRegistration"]>;
export type LoginRequest = z.output<AccountSchemas["login"]>;
export type VerifyLoginOtpRequest = z.output<AccountSchemas["verifyLoginOtp"]>;
export type RefreshTokenRequest = z.output<AccountSchemas["refreshToken"]>;

export interface RegisterResponse {
  signup_id: string;
  mobile_number: string;
}

export interface VerifyOtpResponse {
  mobile_verified: true;
}

export interface LoginResponse {
  otp_required: true;
}

/** POST /tickets/book/ */
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

export type PaymentStatus = "pending" | "paid" | "failed" | "expired";

/** POST /payments/confirm/ and GET /payments/{id}/status/ */
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
