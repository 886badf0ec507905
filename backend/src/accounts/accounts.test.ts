import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { customers, notifications, otpCodes } from "../db/schema";
import { MINUTE } from "../shared/clock";
import { appTest as it } from "../test-support/app-test";
import { insertCustomer, signUpThroughApi } from "../test-support/factories";
import { uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { countRows, watchWrites } from "../test-support/write-detector";

const customerCount = (t: TestApp, e164: string) =>
  countRows(t.database.db, customers, eq(customers.mobileNumber, e164));

describe("sign-up", () => {
  it("registers a customer through register → OTP → verify → password and signs them in", async ({ t }) => {
    const { local, e164 } = uniqueMobile();
    const reg = await t.call("POST", "/api/v1/users/register/", {
      mobile_number: local,
      name: "Sara Ali",
      email: "sara@example.com",
    });
    expect(reg.statusCode).toBe(200);
    expect(reg.json()).toMatchObject({ mobile_number: e164, signup_id: expect.any(String) });

    const otp = await t.latestOtp(e164);
    const verify = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: otp });
    expect(verify.json()).toEqual({ mobile_verified: true, signup_token: expect.stringMatching(/^[\w-]{43}$/) });

    const done = await t.call("POST", "/api/v1/users/complete-registration/", {
      mobile_number: local,
      password: "a strong password",
      signup_token: verify.json().signup_token,
    });
    expect(done.statusCode).toBe(201);
    const session = done.json();
    expect(session.user).toMatchObject({ mobile_number: e164, name: "Sara Ali", email: "sara@example.com" });

    const me = await t.call("GET", "/api/v1/users/me/", undefined, session.access);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ mobile_number: e164, name: "Sara Ali" });

    await t.deliverAll();
    const [welcome] = await t.inbox("sara@example.com");
    expect(welcome?.subject).toBe("Welcome to TicketRunners");
    expect(welcome?.text).toContain("http://tickets.test/my-tickets");
  });

  it("treats 01012345678, +20 10 1234 5678 and 00201012345678 as one customer", async ({ t }) => {
    const rest = uniqueMobile().e164.slice(5); // 8 digits after +2010
    const local = `010${rest}`;
    const spaced = `+20 10 ${rest.slice(0, 4)} ${rest.slice(4)}`;
    const international = `0020 10${rest}`;
    const e164 = `+2010${rest}`;

    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "One Person" });
    const otp = await t.latestOtp(e164);
    const verified = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: spaced, otp_code: otp });
    expect(verified.statusCode).toBe(200);
    const done = await t.call("POST", "/api/v1/users/complete-registration/", {
      mobile_number: international,
      password: "a strong password",
      signup_token: verified.json().signup_token,
    });
    expect(done.statusCode).toBe(201);
    expect(done.json().user.mobile_number).toBe(e164);

    for (const form of [local, spaced, international]) {
      const again = await t.call("POST", "/api/v1/users/register/", { mobile_number: form, name: "Someone Else" });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("USER_EXISTS");
    }
    const login = await t.call("POST", "/api/v1/users/login/", {
      mobile_number: spaced,
      password: "a strong password",
    });
    expect(login.json()).toEqual({ otp_required: true });
    expect(await customerCount(t, e164)).toBe(1);
  });

  it("accepts international numbers outside Egypt", async ({ t }) => {
    const res = await t.call("POST", "/api/v1/users/register/", { mobile_number: "+44 7400 123456", name: "Visitor" });
    expect(res.statusCode).toBe(200);
    expect(res.json().mobile_number).toBe("+447400123456");
  });

  it("refuses a second code within 60 seconds and accepts one after", async ({ t }) => {
    const { local, e164 } = uniqueMobile();
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Quick Clicker" });
    const first = await t.latestOtp(e164);
    const again = await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Quick Clicker" });
    expect(again.statusCode).toBe(429);
    expect(again.json().error).toMatchObject({ code: "OTP_THROTTLED", details: { retry_after_seconds: 60 } });

    t.clock.advance(61_000);
    const later = await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Quick Clicker" });
    expect(later.statusCode).toBe(200);
    const second = await t.latestOtp(e164);
    if (first !== second) {
      const stale = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: first });
      expect(stale.statusCode).toBe(400);
    }
    const ok = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: second });
    expect(ok.statusCode).toBe(200);
  });

  it("rejects a code after five minutes", async ({ t }) => {
    const { local, e164 } = uniqueMobile();
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Slow Typist" });
    const otp = await t.latestOtp(e164);
    t.clock.advance(5 * MINUTE + 1_000);
    const res = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: otp });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("OTP_EXPIRED");
  });

  it("locks a code after five wrong attempts, even when the right code follows", async ({ t }) => {
    const { local, e164 } = uniqueMobile();
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Guesser" });
    const otp = await t.latestOtp(e164);
    const wrong = otp === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 5; i++) {
      const res = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: wrong });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: "INVALID_OTP", details: { attempts_left: 5 - i } });
    }
    const right = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: otp });
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe("OTP_ATTEMPTS_EXCEEDED");
    const complete = await t.call("POST", "/api/v1/users/complete-registration/", {
      mobile_number: local,
      password: "a strong password",
    });
    expect(complete.json().error.code).toBe("SIGNUP_TOKEN_INVALID");
    expect(await customerCount(t, e164)).toBe(0);
  });

  it("will not create an account for a number nobody verified", async ({ t }) => {
    const { local, e164 } = uniqueMobile();
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Impostor" });
    const res = await t.call("POST", "/api/v1/users/complete-registration/", {
      mobile_number: local,
      password: "a strong password",
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("SIGNUP_TOKEN_INVALID");
    expect(await customerCount(t, e164)).toBe(0);
  });

  it("refuses to complete a registration for a number that already has an account, with no tokens", async ({ t }) => {
    // Two signups of one number, both verified: the first to finish creates the account.
    const { local, e164 } = uniqueMobile();
    const signups: string[] = [];
    for (const name of ["First Try", "Second Try"]) {
      await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name });
      const otp = await t.latestOtp(e164);
      const verified = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: otp });
      signups.push(verified.json().signup_token);
      t.clock.advance(61_000);
    }
    const first = await t.call("POST", "/api/v1/users/complete-registration/", {
      mobile_number: local,
      password: "a strong password",
      signup_token: signups[0],
    });
    expect(first.statusCode).toBe(201);
    const res = await t.call("POST", "/api/v1/users/complete-registration/", {
      mobile_number: local,
      password: "another password",
      signup_token: signups[1],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: "USER_EXISTS", message: expect.any(String) } });
  });

  it("keeps OTPs out of the outbox ledger: only a placeholder is stored, the sealed copy is erased once sent", async ({
    t,
  }) => {
    const { local, e164 } = uniqueMobile();
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Private Person" });
    const [queued] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, e164));
    expect(queued?.body).toContain("{{secret}}");
    expect(queued?.sealedSecret).toBeTruthy();
    const otp = await t.latestOtp(e164);
    const [sent] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, e164));
    expect(sent).toMatchObject({ status: "sent", sealedSecret: null });
    expect(JSON.stringify(sent)).not.toContain(otp);
    const [stored] = await t.database.db.select().from(otpCodes).where(eq(otpCodes.target, e164));
    expect(JSON.stringify(stored)).not.toContain(otp);
  });
});

describe("login", () => {
  it("asks for an OTP after the password and signs in with it", async ({ t }) => {
    const c = await signUpThroughApi(t, { name: "Omar" });
    const wrong = await t.call("POST", "/api/v1/users/login/", { mobile_number: c.mobile, password: "nope nope" });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe("INVALID_CREDENTIALS");
    const unknown = await t.call("POST", "/api/v1/users/login/", {
      mobile_number: uniqueMobile().local,
      password: c.password,
    });
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe("INVALID_CREDENTIALS");

    const login = await t.call("POST", "/api/v1/users/login/", { mobile_number: c.mobile, password: c.password });
    expect(login.json()).toEqual({ otp_required: true });
    const otp = await t.latestOtp(c.e164);
    const res = await t.call("POST", "/api/v1/users/verify-login-otp/", { mobile_number: c.mobile, otp_code: otp });
    expect(res.statusCode).toBe(200);
    expect(res.json().user.name).toBe("Omar");
    const reuse = await t.call("POST", "/api/v1/users/verify-login-otp/", { mobile_number: c.mobile, otp_code: otp });
    expect(reuse.statusCode).toBe(400);
  });

  it("shuts a banned customer out: no login, and their access token stops working", async ({ t }) => {
    const c = await signUpThroughApi(t);
    await t.database.db.update(customers).set({ status: "banned" }).where(eq(customers.mobileNumber, c.e164));
    const me = await t.call("GET", "/api/v1/users/me/", undefined, c.access);
    expect(me.statusCode).toBe(403);
    expect(me.json().error.code).toBe("ACCOUNT_BANNED");
    const login = await t.call("POST", "/api/v1/users/login/", { mobile_number: c.mobile, password: c.password });
    expect(login.statusCode).toBe(403);
    const refresh = await t.call("POST", "/api/v1/users/refresh-token/", { refresh: c.refresh });
    expect(refresh.statusCode).toBe(403);
  });
});

describe("sessions", () => {
  it("rotates refresh tokens and revokes the login when an old one is replayed", async ({ t }) => {
    const c = await signUpThroughApi(t);
    const first = await t.call("POST", "/api/v1/users/refresh-token/", { refresh: c.refresh });
    expect(first.statusCode).toBe(200);
    const rotated = first.json();
    expect(rotated.refresh).not.toBe(c.refresh);
    expect((await t.call("GET", "/api/v1/users/me/", undefined, rotated.access)).statusCode).toBe(200);

    const replay = await t.call("POST", "/api/v1/users/refresh-token/", { refresh: c.refresh });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe("REFRESH_TOKEN_REUSED");
    // The thief may hold the newest token; after a replay, the whole family is dead.
    const afterReplay = await t.call("POST", "/api/v1/users/refresh-token/", { refresh: rotated.refresh });
    expect(afterReplay.statusCode).toBe(401);
  });

  it("expires access tokens after 15 minutes and rejects forged ones", async ({ t }) => {
    const c = await signUpThroughApi(t);
    const [header, payload] = c.access.split(".");
    const forged = `${header}.${payload}.${"A".repeat(43)}`;
    expect((await t.call("GET", "/api/v1/users/me/", undefined, forged)).statusCode).toBe(401);
    expect((await t.call("GET", "/api/v1/users/me/")).json().error.code).toBe("UNAUTHORIZED");
    t.clock.advance(15 * MINUTE + 1_000);
    const expired = await t.call("GET", "/api/v1/users/me/", undefined, c.access);
    expect(expired.statusCode).toBe(401);
    const refreshed = await t.call("POST", "/api/v1/users/refresh-token/", { refresh: c.refresh });
    expect((await t.call("GET", "/api/v1/users/me/", undefined, refreshed.json().access)).statusCode).toBe(200);
  });

  it("rejects an unknown refresh token", async ({ t }) => {
    const res = await t.call("POST", "/api/v1/users/refresh-token/", { refresh: "not-a-real-token" });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("INVALID_REFRESH_TOKEN");
  });
});

describe("bad input", () => {
  const cases: [string, string, unknown][] = [
    ["missing body fields", "/api/v1/users/register/", {}],
    ["a malformed phone", "/api/v1/users/register/", { mobile_number: "0101234567", name: "X" }],
    ["a landline", "/api/v1/users/register/", { mobile_number: "0223456789", name: "X" }],
    ["letters in the phone", "/api/v1/users/register/", { mobile_number: "01O12345678", name: "X" }],
    ["a number where a string goes", "/api/v1/users/register/", { mobile_number: 1012345678, name: "X" }],
    ["a huge name", "/api/v1/users/register/", { mobile_number: "01012345678", name: "x".repeat(5000) }],
    ["a control character in the name", "/api/v1/users/register/", { mobile_number: "01012345678", name: "a\u0000b" }],
    ["a bad email", "/api/v1/users/register/", { mobile_number: "01012345678", name: "X", email: "nope" }],
    ["an array body", "/api/v1/users/login/", [1, 2, 3]],
    ["a 5-digit OTP", "/api/v1/users/verify-otp/", { mobile_number: "01012345678", otp_code: "12345" }],
    ["a short password", "/api/v1/users/complete-registration/", { mobile_number: "01012345678", password: "short" }],
  ];
  it.for(cases)("answers %s with a 400 in the error shape and writes nothing", async ([, url, body], { t }) => {
    const writes = await watchWrites(t.database.db);
    const res = await t.call("POST", url, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      error: { code: "VALIDATION_ERROR", message: expect.any(String), details: expect.any(Array) },
    });
    expect(await writes.take()).toEqual({});
  });

  it.for([
    ["malformed JSON", "application/json", '{"mobile_number": "0101', 400, "INVALID_JSON"],
    ["a wrong content type", "text/xml", "<register/>", 415, "UNSUPPORTED_MEDIA_TYPE"],
    ["an oversized body", "application/json", JSON.stringify({ name: "x".repeat(200_000) }), 413, "PAYLOAD_TOO_LARGE"],
  ] as const)("answers %s with a %s error", async ([, type, payload, status, code], { t }) => {
    const res = await t.app.inject({
      method: "POST",
      url: "/api/v1/users/register/",
      headers: { "content-type": type },
      payload,
    });
    expect({ status: res.statusCode, code: res.json().error.code }).toEqual({ status, code });
  });

  it("answers a profile change that changes nothing with the profile as it is, not a 500", async ({ t }) => {
    const me = await insertCustomer(t, { name: "Left Alone" });
    const writes = await watchWrites(t.database.db);
    for (const body of [{}, { unknown_field: "x" }]) {
      const res = await t.call("PATCH", "/api/v1/users/me/", body, me.access);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: me.customer.id, name: "Left Alone" });
    }
    expect(await writes.take()).toEqual({});
  });

  it("answers a path it does not know with 404 NOT_FOUND", async ({ t }) => {
    const missing = await t.call("GET", "/api/v1/nothing-here/");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("NOT_FOUND");
  });
});

describe("logs", () => {
  it("never contain an OTP, a password or a token", async ({ t }) => {
    const { local, e164 } = uniqueMobile();
    const password = "hunter2-but-longer";
    await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Log Watcher" });
    const otp = await t.latestOtp(e164);
    const verified = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: otp });
    const signupToken = verified.json().signup_token;
    const done = (
      await t.call("POST", "/api/v1/users/complete-registration/", {
        mobile_number: local,
        password,
        signup_token: signupToken,
      })
    ).json();
    await t.call("POST", "/api/v1/users/login/", { mobile_number: local, password });
    const loginOtp = await t.latestOtp(e164);
    await t.call("POST", "/api/v1/users/verify-login-otp/", { mobile_number: local, otp_code: loginOtp });
    await t.call("POST", "/api/v1/users/refresh-token/", { refresh: done.refresh });
    await t.call("GET", "/api/v1/users/me/", undefined, done.access);

    const logs = t.logs.join("\n");
    expect(logs).toContain("notification sent");
    for (const secret of [otp, loginOtp, password, signupToken, done.refresh, done.access]) {
      expect(logs).not.toContain(secret);
    }
  });
});
