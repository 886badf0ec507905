import type { accountSchemas } from "@ticketrunners/shared";
import type { z } from "zod";

export type { ApiErrorBody, AuthTokens, Locale, User } from "@ticketrunners/shared";

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
