import {
  type AuthTokens,
  checkinAdmittedSchema,
  checkinRefusedSchema,
  paymentStatusViewSchema,
  type User,
  userSchema,
} from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { ApiError, createApiClient, NETWORK_ERROR, REFRESH_TOKEN_PATH } from "./client";
import type { TokenStore } from "./token-store";

const user: User = {
  id: "0b7c4f3e-1d2a-4c5b-8e9f-a0b1c2d3e4f5",
  mobile_number: "+201012345678",
  name: "Mona",
  email: null,
  locale: "en",
  role: "customer",
};

function memoryStore(initial: { access: string; refresh: string } | null): TokenStore & { saved: AuthTokens[] } {
  let tokens = initial;
  const saved: AuthTokens[] = [];
  return {
    saved,
    tokens: () => tokens,
    reload: () => tokens,
    save(session) {
      saved.push(session);
      tokens = { access: session.access, refresh: session.refresh };
    },
    clear() {
      tokens = null;
    },
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

interface Call {
  path: string;
  authorization: string | null;
  body: unknown;
}

/** A fake server: `/me` accepts only `validAccess`; the refresh endpoint rotates `validRefresh`. */
function fakeServer(options: { validAccess: string; validRefresh: string; refreshDelayMs?: number }) {
  const calls: Call[] = [];
  let { validAccess, validRefresh } = options;
  let rotation = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    const headers = new Headers(init?.headers);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ path, authorization: headers.get("Authorization"), body });
    if (path === REFRESH_TOKEN_PATH) {
      await new Promise((done) => setTimeout(done, options.refreshDelayMs ?? 0));
      if (body?.refresh !== validRefresh) {
        return json(401, { error: { code: "INVALID_REFRESH_TOKEN", message: "Your session has ended." } });
      }
      rotation += 1;
      validAccess = `access-${rotation}`;
      validRefresh = `refresh-${rotation}`;
      return json(200, { access: validAccess, refresh: validRefresh, user });
    }
    if (headers.get("Authorization") !== `Bearer ${validAccess}`) {
      return json(401, { error: { code: "UNAUTHORIZED", message: "Please log in." } });
    }
    return json(200, user);
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe("createApiClient", () => {
  it("sends the access token on authenticated calls", async () => {
    const server = fakeServer({ validAccess: "a0", validRefresh: "r0" });
    const api = createApiClient({ store: memoryStore({ access: "a0", refresh: "r0" }), fetch: server.fetch });

    await expect(api.request("/api/v1/users/me/", { auth: true, schema: userSchema })).resolves.toEqual(user);
    expect(server.calls).toEqual([{ path: "/api/v1/users/me/", authorization: "Bearer a0", body: undefined }]);
  });

  it("refreshes an expired access token once, keeps the rotated pair and retries", async () => {
    const server = fakeServer({ validAccess: "fresh-elsewhere", validRefresh: "r0" });
    const store = memoryStore({ access: "expired", refresh: "r0" });
    const api = createApiClient({ store, fetch: server.fetch });

    await expect(api.request("/api/v1/users/me/", { auth: true, schema: userSchema })).resolves.toEqual(user);
    expect(server.calls.map((c) => c.path)).toEqual(["/api/v1/users/me/", REFRESH_TOKEN_PATH, "/api/v1/users/me/"]);
    expect(server.calls[1]?.body).toEqual({ refresh: "r0" });
    expect(server.calls[2]?.authorization).toBe("Bearer access-1");
    expect(store.tokens()).toEqual({ access: "access-1", refresh: "refresh-1" });
  });

  it("shares one refresh between concurrent calls that all got 401", async () => {
    const server = fakeServer({ validAccess: "fresh-elsewhere", validRefresh: "r0", refreshDelayMs: 20 });
    const store = memoryStore({ access: "expired", refresh: "r0" });
    const api = createApiClient({ store, fetch: server.fetch });

    const results = await Promise.all(
      [1, 2, 3].map(() => api.request("/api/v1/users/me/", { auth: true, schema: userSchema })),
    );

    expect(results).toEqual([user, user, user]);
    expect(server.calls.filter((c) => c.path === REFRESH_TOKEN_PATH)).toHaveLength(1);
    expect(store.saved).toHaveLength(1);
  });

  it("does not refresh again for a 401 that arrives after another call already refreshed", async () => {
    const server = fakeServer({ validAccess: "fresh-elsewhere", validRefresh: "r0" });
    const store = memoryStore({ access: "expired", refresh: "r0" });
    const api = createApiClient({ store, fetch: server.fetch });

    await api.request("/api/v1/users/me/", { auth: true, schema: userSchema });
    // A slow call sent with the old token before the refresh: its 401 must reuse the new pair.
    store.save({ access: "access-1", refresh: "refresh-1", user });
    await api.request("/api/v1/users/me/", { auth: true, schema: userSchema });

    expect(server.calls.filter((c) => c.path === REFRESH_TOKEN_PATH)).toHaveLength(1);
  });

  it("clears the session and throws when the refresh token is refused", async () => {
    const server = fakeServer({ validAccess: "other", validRefresh: "other" });
    const store = memoryStore({ access: "expired", refresh: "revoked" });
    const api = createApiClient({ store, fetch: server.fetch });

    const error = await api.request("/api/v1/users/me/", { auth: true, schema: userSchema }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: "UNAUTHORIZED" });
    expect(store.tokens()).toBeNull();
  });

  it("keeps the session for a 401 about the request rather than the token, such as a bad payment signature", async () => {
    const calls: string[] = [];
    const fetch = async (input: RequestInfo | URL) => {
      calls.push(String(input));
      return json(401, { error: { code: "BAD_SIGNATURE", message: "The signature does not match." } });
    };
    const store = memoryStore({ access: "a0", refresh: "r0" });
    const api = createApiClient({ store, fetch: fetch as typeof globalThis.fetch });

    const error = await api
      .request("/api/v1/payments/confirm/", { auth: true, body: {}, schema: paymentStatusViewSchema })
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, code: "BAD_SIGNATURE" });
    expect(calls).toEqual(["/api/v1/payments/confirm/"]);
    expect(store.tokens()).toEqual({ access: "a0", refresh: "r0" });
  });

  it("turns the server's error body into an ApiError with its status, code, message and wait", async () => {
    const fetch = async () =>
      json(429, {
        error: { code: "OTP_THROTTLED", message: "Please wait.", details: { retry_after_seconds: 42 } },
      });
    const api = createApiClient({ store: memoryStore(null), fetch: fetch as typeof globalThis.fetch });

    const error = await api
      .request("/api/v1/users/register/", { body: {}, schema: userSchema })
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "OTP_THROTTLED", message: "Please wait." });
    expect((error as ApiError).retryAfterSeconds).toBe(42);
  });

  it("keeps the refused fields of a VALIDATION_ERROR, each with its validation key", async () => {
    const fetch = async () =>
      json(400, {
        error: {
          code: "VALIDATION_ERROR",
          message: "Request validation failed",
          details: [{ field: "body.mobile_number", key: "mobile_invalid", message: "Enter a valid mobile number" }],
        },
      });
    const api = createApiClient({ store: memoryStore(null), fetch: fetch as typeof globalThis.fetch });

    const error = await api.request("/api/v1/users/register/", { body: {}, schema: userSchema }).catch((e) => e);

    expect(error).toMatchObject({ status: 400, code: "VALIDATION_ERROR" });
    expect((error as ApiError).details).toEqual([
      { field: "body.mobile_number", key: "mobile_invalid", message: "Enter a valid mobile number" },
    ]);
  });

  it("reports an error page that is not the API's error body (a proxy's 502) as an unexpected response", async () => {
    const fetch = async () => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" });
    const api = createApiClient({ store: memoryStore(null), fetch: fetch as typeof globalThis.fetch });

    await expect(api.request("/api/v1/public/events/", { schema: userSchema })).rejects.toMatchObject({
      status: 502,
      code: "UNEXPECTED_RESPONSE",
    });
  });

  it("refuses a successful answer that does not match the route's schema, saying where", async () => {
    const fetch = async () => json(200, { ...user, locale: "fr" });
    const api = createApiClient({
      store: memoryStore({ access: "a0", refresh: "r0" }),
      fetch: fetch as typeof globalThis.fetch,
    });

    const error = await api.request("/api/v1/users/me/", { auth: true, schema: userSchema }).catch((e) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 200, code: "UNEXPECTED_RESPONSE" });
    expect((error as ApiError).message).toContain("locale");
  });

  it("reports an unreachable server as a network error, not a signed-out session", async () => {
    const fetch = async () => {
      throw new TypeError("Failed to fetch");
    };
    const store = memoryStore({ access: "a0", refresh: "r0" });
    const api = createApiClient({ store, fetch: fetch as typeof globalThis.fetch });

    await expect(api.request("/api/v1/users/me/", { auth: true, schema: userSchema })).rejects.toMatchObject({
      status: 0,
      code: NETWORK_ERROR,
    });
    expect(store.tokens()).toEqual({ access: "a0", refresh: "r0" });
  });

  it("returns a refusal the route declares as its answer, and still throws any other error", async () => {
    const used = {
      result: "already_used",
      error: { code: "ALREADY_USED", message: "This ticket was already used." },
      ticket_number: "TR-7K3M-9QXD",
      checked_in_at: "2027-02-14T18:14:00.000Z",
      checked_in_by: "Omar",
    };
    const answers = [
      json(409, used),
      json(404, { result: "unknown", error: { code: "UNKNOWN", message: "Not ours." } }),
      json(403, { error: { code: "FORBIDDEN", message: "Staff only." } }),
    ];
    const fetch = async () => answers.shift() ?? json(500, {});
    const api = createApiClient({
      store: memoryStore({ access: "a0", refresh: "r0" }),
      fetch: fetch as typeof globalThis.fetch,
    });
    const checkIn = () =>
      api.request("/api/v1/checkin/", {
        body: { event_id: "e", code: "c" },
        auth: true,
        schema: checkinAdmittedSchema,
        refusal: checkinRefusedSchema,
      });

    await expect(checkIn()).resolves.toEqual(used);
    await expect(checkIn()).resolves.toMatchObject({ result: "unknown" });
    await expect(checkIn()).rejects.toMatchObject({ status: 403, code: "FORBIDDEN" });
  });
});
