import type { AuthTokens, User } from "@ticketrunners/shared";
import { api, REFRESH_TOKEN_PATH } from "../client";
import type {
  CompleteRegistrationRequest,
  LoginRequest,
  LoginResponse,
  RefreshTokenRequest,
  RegisterRequest,
  RegisterResponse,
  ValidateRegistrationTokenResponse,
  VerifyLoginOtpRequest,
  VerifyOtpRequest,
  VerifyOtpResponse,
} from "../types";

const USERS = "/api/v1/users";

/** Signup step 1: texts a registration code to the number. */
export const register = (body: RegisterRequest) => api.request<RegisterResponse>(`${USERS}/register/`, { body });

/** Signup step 2: proves the person holds the number. */
export const verifyOtp = (body: VerifyOtpRequest) => api.request<VerifyOtpResponse>(`${USERS}/verify-otp/`, { body });

/** Signup step 3: sets the password and signs in. */
export const completeRegistration = (body: CompleteRegistrationRequest) =>
  api.request<AuthTokens>(`${USERS}/complete-registration/`, { body });

/** Login step 1: checks the password and texts a login code. */
export const login = (body: LoginRequest) => api.request<LoginResponse>(`${USERS}/login/`, { body });

/** Login step 2: exchanges the code for a session. */
export const verifyLoginOtp = (body: VerifyLoginOtpRequest) =>
  api.request<AuthTokens>(`${USERS}/verify-login-otp/`, { body });

/** The client refreshes on its own after a 401; this is for callers that need to do it explicitly. */
export const refreshToken = (body: RefreshTokenRequest) => api.request<AuthTokens>(REFRESH_TOKEN_PATH, { body });

export const me = (signal?: AbortSignal) => api.request<User>(`${USERS}/me/`, { auth: true, signal });

/**
 * What a ticket's claim link (`/signup?token=…`) is for: the number it was sent to, the event and who
 * bought it. Reading it changes nothing on the server. An unusable link rejects with an ApiError whose
 * code says why (`TOKEN_EXPIRED`, `TOKEN_USED`, `TOKEN_NOT_FOUND`, `MISSING_TOKEN`).
 */
export const validateRegistrationToken = (token: string, signal?: AbortSignal) =>
  api.request<ValidateRegistrationTokenResponse>(
    `${USERS}/validate-registration-token/?${new URLSearchParams({ token })}`,
    { signal },
  );
