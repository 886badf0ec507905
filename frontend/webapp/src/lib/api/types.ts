import type { accountSchemas, reassignRequestSchema, transferRequestSchema } from "@ticketrunners/shared";
import type { z } from "zod";

// Answers are typed by the shared zod schemas the server declares as its response schemas (z.infer),
// and the client parses each answer with them: nothing here re-types what the server sends.
export type {
  ApiErrorBody,
  AuthTokens,
  BookResponse,
  CheckinAdmitted,
  CheckinCounts,
  CheckinRefusal,
  CheckinRefused,
  CheckinRequest,
  CheckoutResponse,
  ClaimStatus,
  ConfirmPaymentRequest,
  DeliveryStatus,
  EventView,
  Locale,
  LoginResponse,
  MyTicketResponse,
  MyTicketsResponse,
  OpenCheckoutSummary,
  OpenCheckoutsResponse,
  OpenCheckoutView,
  PaymentStatus,
  PaymentStatusView,
  PurchaseRequest,
  ReassignResponse,
  RegisterResponse,
  ResendClaimResponse,
  SentTicketView,
  TicketCategoryView,
  TicketHistoryEntry,
  TicketView,
  TransferCodeResponse,
  User,
  ValidateRegistrationTokenResponse,
  ValidationIssue,
  VerifyOtpResponse,
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
export type UpdateMeRequest = z.output<AccountSchemas["updateMe"]>;
export type ReassignRequest = z.output<ReturnType<typeof reassignRequestSchema>>;
export type TransferRequest = z.output<ReturnType<typeof transferRequestSchema>>;
