import { type ApiErrorBody, authTokensSchema, type ErrorCode, errorResponseSchema } from "@ticketrunners/shared";
import type { z } from "zod";
import "../zod-config";
import type { TokenStore } from "./token-store";

/**
 * Failures the client names itself: no answer at all (offline, DNS, server down), or an answer that is
 * not what the API's schemas say (a proxy's 502 page, or a server out of step with this build).
 */
export type ClientErrorCode = "NETWORK_ERROR" | "UNEXPECTED_RESPONSE";
export type ApiErrorCode = ErrorCode | ClientErrorCode;
export type ApiErrorDetails = ApiErrorBody["error"]["details"];

/** A failed API call: the server's `{"error":{code,message,details}}`, or a stand-in when there was none. */
export class ApiError extends Error {
  override readonly name = "ApiError";

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: ApiErrorDetails,
  ) {
    super(message);
  }

  /** Seconds the server asked us to wait before trying again, when it said. */
  get retryAfterSeconds(): number | undefined {
    const details = this.details;
    if (details === undefined || Array.isArray(details)) return undefined;
    const seconds = Number(details.retry_after_seconds);
    return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
  }
}

/** `status` 0: the request never got an answer (offline, DNS, server down). */
export const NETWORK_ERROR = "NETWORK_ERROR" satisfies ClientErrorCode;

export const REFRESH_TOKEN_PATH = "/api/v1/users/refresh-token/";

export interface RequestOptions<S extends z.ZodType, R extends z.ZodType = z.ZodNever> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Sends the access token, refreshing it once if the server says it has expired. */
  auth?: boolean;
  signal?: AbortSignal;
  /** The route's answer schema from `@ticketrunners/shared`: the answer is parsed with it, and typed by it. */
  schema: S;
  /**
   * For a route whose refusals are answers too (a check-in's 409 and 404 say why, and who checked the
   * ticket in): an error answer that fits this schema is returned, not thrown. Any other error still throws.
   */
  refusal?: R;
}

type SendOptions = Omit<RequestOptions<z.ZodType>, "schema" | "refusal">;

export interface ApiClientOptions {
  store: TokenStore;
  /** The UI language, sent as Accept-Language so server messages can match it. */
  locale?: () => string;
  fetch?: typeof fetch;
}

export type ApiClient = ReturnType<typeof createApiClient>;

async function errorFromResponse(response: Response): Promise<ApiError> {
  return errorFromBody(response, await response.json().catch(() => undefined));
}

function errorFromBody(response: Response, body: unknown): ApiError {
  const parsed = errorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details } = parsed.data.error;
    return new ApiError(response.status, code, message, details);
  }
  return new ApiError(response.status, "UNEXPECTED_RESPONSE", response.statusText || "Request failed");
}

/**
 * A 401 about the access token itself. Other 401s judge the request, not the session (a payment
 * redirect whose signature does not match is BAD_SIGNATURE): refreshing cannot help, and they must not
 * sign the person out.
 */
const refusesSession = (error: ApiError) =>
  error.status === 401 && (error.code === "UNAUTHORIZED" || error.code === "UNEXPECTED_RESPONSE");

/** A successful answer, parsed with its schema: what the rest of the app gets is what the types say. */
async function readBody<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
  if (!response.ok) throw await errorFromResponse(response);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new ApiError(response.status, "UNEXPECTED_RESPONSE", "The answer is not JSON");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join(".") || "(body)").join(", ");
    throw new ApiError(response.status, "UNEXPECTED_RESPONSE", `The answer does not match its schema at ${where}`);
  }
  return parsed.data;
}

/** An answer read once: its value (a success, or a refusal the route declares), or the error it stands for. */
type Settled<T> = { value: T } | { error: ApiError };

async function settle<S extends z.ZodType, R extends z.ZodType>(
  response: Response,
  options: Pick<RequestOptions<S, R>, "schema" | "refusal">,
): Promise<Settled<z.output<S> | z.output<R>>> {
  if (response.ok) return { value: await readBody(response, options.schema) };
  const body: unknown = await response.json().catch(() => undefined);
  const refusal = options.refusal?.safeParse(body);
  if (refusal?.success) return { value: refusal.data };
  return { error: errorFromBody(response, body) };
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

  async function send(path: string, options: SendOptions, access?: string): Promise<Response> {
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
      store.save(await readBody(response, authTokensSchema));
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

  async function request<S extends z.ZodType, R extends z.ZodType = z.ZodNever>(
    path: string,
    options: RequestOptions<S, R>,
  ): Promise<z.output<S> | z.output<R>> {
    if (!options.auth) {
      const settled = await settle(await send(path, options), options);
      if ("error" in settled) throw settled.error;
      return settled.value;
    }

    let access = store.tokens()?.access;
    if (!access) throw new ApiError(401, "UNAUTHORIZED", "Not signed in");
    let settled = await settle(await send(path, options, access), options);
    if ("error" in settled && refusesSession(settled.error) && (await refreshOnce(access))) {
      access = store.tokens()?.access;
      if (access) settled = await settle(await send(path, options, access), options);
    }
    if ("error" in settled) {
      const { error } = settled;
      // Still refused after a refresh, or the account was banned: the session is no good.
      if (access && (refusesSession(error) || error.code === "ACCOUNT_BANNED")) clearIfCurrent(access);
      throw error;
    }
    return settled.value;
  }

  return { request };
}
