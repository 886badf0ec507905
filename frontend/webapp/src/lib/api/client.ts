import type { ApiErrorBody, AuthTokens } from "@ticketrunners/shared";
import i18n from "i18next";
import { sessionStore } from "../../features/session/session-store";

/** A failed API call: the server's `{"error":{code,message,details}}`, or a stand-in when there was none. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Seconds the server asked us to wait before trying again, when it said. */
  get retryAfterSeconds(): number | undefined {
    const details = this.details;
    if (typeof details !== "object" || details === null || !("retry_after_seconds" in details)) return undefined;
    const seconds = Number(details.retry_after_seconds);
    return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
  }
}

/** `status` 0: the request never got an answer (offline, DNS, server down). */
export const NETWORK_ERROR = "NETWORK_ERROR";

export const REFRESH_TOKEN_PATH = "/api/v1/users/refresh-token/";

/** Where the client keeps the signed-in session; the session store implements it over localStorage. */
export interface TokenStore {
  tokens(): { access: string; refresh: string } | null;
  /** Re-reads persisted tokens, which another tab may have rotated. */
  reload(): { access: string; refresh: string } | null;
  save(session: AuthTokens): void;
  clear(): void;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Sends the access token, refreshing it once if the server says it has expired. */
  auth?: boolean;
  signal?: AbortSignal;
}

export interface ApiClientOptions {
  store: TokenStore;
  /** The UI language, sent as Accept-Language so server messages can match it. */
  locale?: () => string;
  fetch?: typeof fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = body.error;
  return typeof error === "object" && error !== null && "code" in error && typeof error.code === "string";
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const body: unknown = await response.json().catch(() => undefined);
  if (isApiErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, `HTTP_${response.status}`, response.statusText || "Request failed");
}

/**
 * A 401 about the access token itself. Other 401s judge the request, not the session (a payment
 * redirect whose signature does not match is BAD_SIGNATURE): refreshing cannot help, and they must not
 * sign the person out.
 */
const refusesSession = (error: ApiError) =>
  error.status === 401 && (error.code === "UNAUTHORIZED" || error.code === "HTTP_401");

async function readBody<T>(response: Response): Promise<T> {
  if (!response.ok) throw await errorFromResponse(response);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * Refresh tokens rotate and the server revokes the whole login when one is presented twice, so two
 * tabs must never refresh with the same token: a Web Lock serialises refreshes across tabs.
 */
function withRefreshLock<T>(fn: () => Promise<T>): Promise<T> {
  if (typeof navigator !== "undefined" && navigator.locks) {
    // The lock is held until fn's promise settles, and request() resolves with its result.
    return navigator.locks.request("ticketrunners.refresh-token", fn) as Promise<T>;
  }
  return fn();
}

export function createApiClient({
  store,
  locale,
  fetch: fetchImpl = globalThis.fetch.bind(globalThis),
}: ApiClientOptions) {
  let refreshing: Promise<boolean> | null = null;

  async function send(path: string, options: RequestOptions, access?: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: "application/json" };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    if (access) headers.Authorization = `Bearer ${access}`;
    const language = locale?.();
    if (language) headers["Accept-Language"] = language;
    try {
      return await fetchImpl(path, {
        method: options.method ?? (options.body === undefined ? "GET" : "POST"),
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
        credentials: "same-origin",
      });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new ApiError(0, NETWORK_ERROR, "The server could not be reached");
    }
  }

  /** Clears the session only if it is still the one that failed: a newer login must survive. */
  function clearIfCurrent(access: string) {
    if (store.tokens()?.access === access) store.clear();
  }

  async function refresh(failedAccess: string): Promise<boolean> {
    const current = store.reload();
    if (!current) return false;
    // Another request or tab refreshed while this one waited: use its tokens.
    if (current.access !== failedAccess) return true;
    const response = await send(REFRESH_TOKEN_PATH, { method: "POST", body: { refresh: current.refresh } });
    if (response.ok) {
      store.save(await readBody<AuthTokens>(response));
      return true;
    }
    // A network failure or a 5xx says nothing about the session; a 4xx means it is over.
    if (response.status >= 400 && response.status < 500) {
      clearIfCurrent(failedAccess);
      return false;
    }
    throw await errorFromResponse(response);
  }

  /** Concurrent 401s share one refresh. */
  function refreshOnce(failedAccess: string): Promise<boolean> {
    refreshing ??= withRefreshLock(() => refresh(failedAccess)).finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    if (!options.auth) return readBody<T>(await send(path, options));

    let access = store.tokens()?.access;
    if (!access) throw new ApiError(401, "UNAUTHORIZED", "Not signed in");
    let response = await send(path, options, access);
    let error = response.ok ? undefined : await errorFromResponse(response);
    if (error && refusesSession(error) && (await refreshOnce(access))) {
      access = store.tokens()?.access;
      if (access) {
        response = await send(path, options, access);
        error = response.ok ? undefined : await errorFromResponse(response);
      }
    }
    if (error) {
      // Still refused after a refresh, or the account was banned: the session is no good.
      if (access && (refusesSession(error) || error.code === "ACCOUNT_BANNED")) clearIfCurrent(access);
      throw error;
    }
    return readBody<T>(response);
  }

  return { request };
}

/** The app's client: same origin (the backend serves the webapp; Vite proxies in development). */
export const api = createApiClient({ store: sessionStore, locale: () => i18n.language });
