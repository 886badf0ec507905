import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { describe, expect } from "vitest";
import { garbage, mostly, nastyString, oversizedString, percentEncode } from "../test-support/arbitraries/json";
import {
  freshMobile,
  invalidMobile,
  sixDigits,
  validEmail,
  validName,
  validPassword,
} from "../test-support/arbitraries/people";
import { API, get, querySuffix } from "../test-support/arbitraries/requests";
import { expectErrorShape, FUZZ_TIMEOUT, badInputTest as it, posting } from "../test-support/bad-input";
import { inserted, updated, type Writes } from "../test-support/write-detector";

// The accounts endpoints under generated bad input: see test-support/bad-input.ts for what every request is checked for.

const errorCode = (res: LightMyRequestResponse) => (JSON.parse(res.body) as { error: { code: string } }).error.code;

/** A wrong code counts against the code it was checked with (five lock it), and nothing else is written. */
const countsTheTry = (res: LightMyRequestResponse, written: Writes) =>
  expect(written).toEqual(errorCode(res) === "INVALID_OTP" ? { otp_codes: updated(1) } : {});

describe("accounts, under bad input", { timeout: FUZZ_TIMEOUT }, () => {
  it("POST /users/register/ answers 4xx and writes nothing, or 200 having written one code and its SMS", ({
    fuzz,
    w,
  }) =>
    fuzz(
      posting(
        "/users/register/",
        {
          mobile_number: fc.oneof(
            { weight: 3, arbitrary: freshMobile },
            { weight: 1, arbitrary: fc.constant(w.loginCustomer.mobile) },
            { weight: 3, arbitrary: invalidMobile },
          ),
          name: mostly(validName),
          email: mostly(validEmail, 2),
          locale: mostly(fc.constantFrom("en", "ar"), 2),
        },
        {
          onSuccess: (res, written) => {
            expect(res.json()).toMatchObject({ signup_id: expect.any(String), mobile_number: expect.any(String) });
            expect(written).toEqual({ otp_codes: inserted(1), notifications: inserted(1) });
          },
        },
      ),
    ));

  it("POST /users/verify-otp/ answers 4xx to every wrong code, counts the try and creates nothing", ({ fuzz, w }) =>
    fuzz(
      posting(
        "/users/verify-otp/",
        {
          mobile_number: fc.oneof(fc.constant(w.pendingOtpNumber), freshMobile, invalidMobile),
          otp_code: mostly(sixDigits),
        },
        { onRefusal: countsTheTry },
      ),
    ));

  it("POST /users/complete-registration/ refuses bad input and creates at most the one verified account", ({
    fuzz,
    w,
  }) =>
    fuzz(
      posting(
        "/users/complete-registration/",
        {
          mobile_number: fc.oneof(
            { weight: 1, arbitrary: fc.constant(w.verifiedNumber) },
            { weight: 1, arbitrary: fc.constant(w.loginCustomer.mobile) },
            { weight: 1, arbitrary: freshMobile },
            { weight: 6, arbitrary: invalidMobile },
          ),
          password: mostly(validPassword, 1),
          registration_token: fc.oneof(
            fc.constant(w.registrationToken),
            fc.constant(w.registrationToken.slice(1)),
            fc.constant(w.registrationToken.toUpperCase()),
            garbage,
          ),
          signup_token: fc.oneof(
            { weight: 2, arbitrary: fc.constant(w.signupToken) },
            { weight: 1, arbitrary: garbage },
          ),
        },
        {
          // The one verified signup: its account, its session, and its code spent.
          onSuccess: (res, written) => {
            expect(res.statusCode).toBe(201);
            expect(written).toEqual({ customers: inserted(1), refresh_tokens: inserted(1), otp_codes: updated(1) });
          },
        },
      ),
    ));

  it("POST /users/login/ refuses bad input, and a right password only ever queues a code", ({ fuzz, w }) =>
    fuzz(
      posting(
        "/users/login/",
        {
          mobile_number: fc.oneof(
            { weight: 2, arbitrary: fc.constant(w.loginCustomer.mobile) },
            { weight: 1, arbitrary: fc.constant(w.buyer.e164) },
            { weight: 1, arbitrary: freshMobile },
            { weight: 8, arbitrary: invalidMobile },
          ),
          password: fc.oneof(
            { weight: 1, arbitrary: fc.constant(w.loginCustomer.password) },
            { weight: 1, arbitrary: validPassword },
            { weight: 4, arbitrary: garbage },
          ),
        },
        {
          onSuccess: (res, written) => {
            expect(res.json()).toEqual({ otp_required: true });
            expect(written).toEqual({ otp_codes: inserted(1), notifications: inserted(1) });
          },
        },
      ),
    ));

  it("POST /users/verify-login-otp/ answers 4xx to every wrong code, counts the try and starts no session", ({
    fuzz,
    w,
  }) =>
    fuzz(
      posting(
        "/users/verify-login-otp/",
        {
          mobile_number: fc.oneof(fc.constant(w.loginCustomer.mobile), freshMobile, invalidMobile),
          otp_code: mostly(sixDigits),
        },
        {
          onSuccess: (_res, written) => expect(written).toEqual({ otp_codes: updated(1), refresh_tokens: inserted(1) }),
          onRefusal: countsTheTry,
        },
      ),
    ));

  it("POST /users/refresh-token/ refuses every token it did not issue", ({ fuzz, w }) => {
    const refresh = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...w.refreshTokens) },
      fc.constantFrom(...w.refreshTokens).map((r) => r.slice(0, -1)),
      fc.constantFrom(...w.refreshTokens).map((r) => ` ${r} `),
      fc.constant(w.buyer.access),
      { weight: 6, arbitrary: garbage },
    );
    return fuzz(
      posting(
        "/users/refresh-token/",
        { refresh },
        {
          // A rotation: the new token, and the old one marked rotated.
          onSuccess: (res, written) => {
            expect(res.json()).toMatchObject({ access: expect.any(String), refresh: expect.any(String) });
            expect(written).toEqual({ refresh_tokens: { rows: 1, written: 2 } });
          },
          // A rotated token presented again revokes its login: both tokens of the family, nothing else.
          onRefusal: (res, written) =>
            expect(written).toEqual(errorCode(res) === "REFRESH_TOKEN_REUSED" ? { refresh_tokens: updated(2) } : {}),
        },
      ),
    );
  });

  it("GET /users/me/ answers the signed-in customer or a clean 401/403, whatever the headers and query", ({
    fuzz,
    w,
  }) =>
    fuzz({
      name: "GET /users/me/",
      requests: fc.tuple(querySuffix, w.authHeaders).map(([query, auth]) => get("/users/me/", query, auth)),
    }));

  it("GET /users/validate-registration-token/ answers every token it does not know with valid:false", ({ fuzz, w }) => {
    const token = w.registrationToken;
    const tokenQuery = fc.oneof(
      { weight: 2, arbitrary: fc.constant(`?token=${token}`) },
      fc.constantFrom(
        `?token=${token.slice(0, -1)}`,
        `?token=${token}A`,
        `?token=${token.toUpperCase()}`,
        `?token=%20${token}%20`,
        `?token=${token}%00`,
        `?token=${token}&token=${token}`,
        `?token[]=${token}`,
        `?token[a]=${token}`,
        "",
        "?",
        "?token",
        "?token=",
        "?token=%20%20",
        "?token=%E0%A4%A",
        "?token=%FF",
        "?TOKEN=abc",
      ),
      { weight: 4, arbitrary: nastyString.map((s) => `?token=${percentEncode(s)}`) },
      { weight: 1, arbitrary: oversizedString.map((s) => `?token=${percentEncode(s.slice(0, 30_000))}`) },
      { weight: 1, arbitrary: fc.integer({ min: 500, max: 600 }).map((n) => `?token=${"a".repeat(n)}`) },
    );
    return fuzz({
      name: "GET /users/validate-registration-token/",
      tokenValidation: true,
      requests: fc
        .tuple(tokenQuery, querySuffix)
        .map(([q, extra]) =>
          get("/users/validate-registration-token/", q + (q && extra ? `&${extra.slice(1)}` : q ? "" : extra)),
        ),
      onSuccess: (res, written) => {
        expect(res.json()).toMatchObject({ valid: true });
        expect(written).toEqual({});
      },
    });
  });
});

describe("account inputs that once broke the error shape", () => {
  it("answers an over-long registration token with valid:false", async ({ t }) => {
    const req = {
      method: "GET" as const,
      url: `${API}/users/validate-registration-token/?token=${"a".repeat(513)}`,
      headers: {},
    };
    const res = await t.app.inject(req);
    expect(res.json()).toMatchObject({ valid: false });
    expectErrorShape(req, res, true);
  });
});
