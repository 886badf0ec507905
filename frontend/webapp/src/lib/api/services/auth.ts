import {
  authTokensSchema,
  loginResponseSchema,
  registerResponseSchema,
  userSchema,
  validateRegistrationTokenResponseSchema,
  verifyOtpResponseSchema,
} from "@ticketrunners/shared";
import { api } from "../api";
import { REFRESH_TOKEN_PATH } from "../client";
import type {
  CompleteRegistrationRequest,
  LoginRequest,
  RefreshTokenRequest,
  RegisterRequest,
  UpdateMeRequest,
  VerifyLoginOtpRequest,
  VerifyOtpRequest,
} from "../types";

const USERS = "/api/v1/users";

/** Signup step 1: texts a registration code to the number. */
export const register = (body: RegisterRequest) =>
  api.request(`${USERS}/register/`, { body, schema: registerResponseSchema });

/** Signup step 2: proves the person holds the number. */
export const verifyOtp = (body: VerifyOtpRequest) =>
  api.request(`${USERS}/verify-otp/`, { body, schema: verifyOtpResponseSchema });

/** Signup step 3: sets the password and signs in. */
export const completeRegistration = (body: CompleteRegistrationRequest) =>
  api.request(`${USERS}/complete-registration/`, { body, schema: authTokensSchema });

/** Login step 1: checks the password and texts a login code. */
export const login = (body: LoginRequest) => api.request(`${USERS}/login/`, { body, schema: loginResponseSchema });

/** Login step 2: exchanges the code for a session. */
export const verifyLoginOtp = (body: VerifyLoginOtpRequest) =>
  api.request(`${USERS}/verify-login-otp/`, { body, schema: authTokensSchema });

/** The client refreshes on its own after a 401; this is for callers that need to do it explicitly. */
export const refreshToken = (body: RefreshTokenRequest) =>
  api.request(REFRESH_TOKEN_PATH, { body, schema: authTokensSchema });

export const me = (signal?: AbortSignal) => api.request(`${USERS}/me/`, { auth: true, signal, schema: userSchema });

/** Changes the customer's name, email (null removes it) or the language of their messages. */
export const updateMe = (body: UpdateMeRequest) =>
  api.request(`${USERS}/me/`, { method: "PATCH", body, auth: true, schema: userSchema });

/**
 * What a ticket's claim link (`/signup?token=…`) is for: the number it was sent to, the event and who
 * bought it. Reading it changes nothing on the server. An unusable link rejects with an ApiError whose
 * code says why (`TOKEN_EXPIRED`, `TOKEN_USED`, `TOKEN_NOT_FOUND`, `MISSING_TOKEN`).
 */
export const validateRegistrationToken = (token: string, signal?: AbortSignal) =>
  api.request(`${USERS}/validate-registration-token/?${new URLSearchParams({ token })}`, {
    signal,
    schema: validateRegistrationTokenResponseSchema,
  });
