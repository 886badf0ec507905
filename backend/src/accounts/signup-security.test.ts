import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { customers, notifications, otpCodes, tickets } from "../db/schema";
import { DAY, MINUTE } from "../shared/clock";
import { appTest, testApp } from "../test-support/app-test";
import {
  createEvent,
  giveTickets,
  insertCustomer,
  type SignupDetails,
  signUpThroughApi,
  verifiedSignup,
} from "../test-support/factories";
import { type HttpClient, serveOverHttp } from "../test-support/http-client";
import { type MobileNumber, uniqueMobile } from "../test-support/phone-numbers";
import type { TestApp } from "../test-support/test-app";
import { countRows } from "../test-support/write-detector";

// Every attack here is made the way a stranger would make it: over real HTTP, knowing only a number.
const it = appTest.extend("strict", { scope: "file" }, testApp({ env: { RATE_LIMIT_SCALE: "1" } }));

const API = "/api/v1/users";
const customerCount = (t: TestApp, e164: string) =>
  countRows(t.database.db, customers, eq(customers.mobileNumber, e164));

/** A recipient waiting for their first ticket: a buyer gave one to a number with no account. */
async function ticketWaitingFor(t: TestApp, mobile: MobileNumber) {
  const { booking } = await giveTickets(t, [{ mobile_number: mobile.local }]);
  return booking.tickets[0]?.id as string;
}

/** The victim's own signup over HTTP: register, read the code off their phone, verify it. */
const victimVerifies = (
  t: TestApp,
  http: HttpClient,
  mobile: MobileNumber,
  who: SignupDetails = { name: "Victim Person", email: "victim@example.com" },
) => verifiedSignup(t, mobile, who, http);

describe("finishing someone else's signup", () => {
  it("gives a stranger who knows only the just-verified number nothing: no account, no tokens, no tickets", async ({
    t,
    http,
  }) => {
    const mobile = uniqueMobile();
    const { local, e164 } = mobile;
    const ticketId = await ticketWaitingFor(t, mobile);
    const { signupId, signupToken } = await victimVerifies(t, http, mobile);

    const attempts = [
      { mobile_number: local, password: "attacker password" },
      { mobile_number: local, password: "attacker password", signup_token: "" },
      { mobile_number: local, password: "attacker password", signup_token: signupId },
      // One character off (the last one changed, whatever it was).
      {
        mobile_number: local,
        password: "attacker password",
        signup_token: `${signupToken.slice(0, -1)}${signupToken.endsWith("A") ? "B" : "A"}`,
      },
      { mobile_number: local, password: "attacker password", signup_token: signupToken.slice(0, 22) },
    ];
    for (const body of attempts) {
      const res = await http.post(`${API}/complete-registration/`, body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: "SIGNUP_TOKEN_INVALID", message: expect.any(String) } });
      expect(JSON.stringify(res.body)).not.toMatch(/access|refresh/);
    }
    expect(await customerCount(t, e164)).toBe(0);
    const [waiting] = await t.database.db.select().from(tickets).where(eq(tickets.id, ticketId));
    expect(waiting?.ownerId).toBeNull();

    // The person who typed the code still finishes, and the ticket is theirs.
    const done = await http.post(`${API}/complete-registration/`, {
      mobile_number: local,
      password: "victim password",
      signup_token: signupToken,
    });
    expect(done.status).toBe(201);
    const mine = await http.get(`${API}/tickets/`, done.body.access);
    expect(mine.body.owned.map((x: { id: string }) => x.id)).toEqual([ticketId]);
  });

  it("spends the signup token once, and lets it lapse after 30 minutes", async ({ t, http }) => {
    const first = uniqueMobile();
    const { signupToken } = await victimVerifies(t, http, first);
    const body = { mobile_number: first.local, password: "a strong password", signup_token: signupToken };
    expect((await http.post(`${API}/complete-registration/`, body)).status).toBe(201);
    const again = await http.post(`${API}/complete-registration/`, body);
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe("SIGNUP_TOKEN_INVALID");

    const late = uniqueMobile();
    const lateSignup = await victimVerifies(t, http, late);
    t.clock.advance(30 * MINUTE + 1_000);
    const expired = await http.post(`${API}/complete-registration/`, {
      mobile_number: late.local,
      password: "a strong password",
      signup_token: lateSignup.signupToken,
    });
    expect(expired.status).toBe(401);
    expect(await customerCount(t, late.e164)).toBe(0);
  });

  it("does not open another number's signup with a valid token", async ({ t, http }) => {
    const victim = uniqueMobile();
    const attacker = uniqueMobile();
    const { signupToken } = await victimVerifies(t, http, attacker, { name: "Attacker", email: "a@x.test" });
    await victimVerifies(t, http, victim);
    const res = await http.post(`${API}/complete-registration/`, {
      mobile_number: victim.local,
      password: "a strong password",
      signup_token: signupToken,
    });
    expect(res.status).toBe(401);
    expect(await customerCount(t, victim.e164)).toBe(0);
  });

  it("checks the token before spending an argon2 hash on the password", async ({ t, http }) => {
    const mobile = uniqueMobile();
    const { local } = mobile;
    const { signupToken } = await victimVerifies(t, http, mobile);
    const hashes = async () =>
      Number((await http.get("/metrics")).body.match(/^ticketrunners_password_hashes_total (\d+)/m)?.[1] ?? Number.NaN);
    const before = await hashes();
    // A missing counter would read NaN on both sides, and NaN is NaN.
    expect(before).toBeGreaterThanOrEqual(0);
    const refused = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        http.post(`${API}/complete-registration/`, {
          mobile_number: local,
          password: `guess number ${i}`,
          signup_token: `guess-${i}`,
        }),
      ),
    );
    expect(refused.every((r) => r.status === 401 || r.status === 429)).toBe(true);
    expect(await hashes()).toBe(before);
    // The counter does count: the real signup hashes its password once.
    const done = await http.post(`${API}/complete-registration/`, {
      mobile_number: local,
      password: "the real password",
      signup_token: signupToken,
    });
    expect(done.status).toBe(201);
    expect(await hashes()).toBe(before + 1);
  });
});

describe("a later register for the same number", () => {
  it("neither rewrites nor voids a signup: the victim's name and email stay theirs", async ({ t, http }) => {
    const { local, e164 } = uniqueMobile();
    const reg = await http.post(`${API}/register/`, {
      mobile_number: local,
      name: "Real Owner",
      email: "owner@example.com",
    });
    const victimCode = await t.latestOtp(e164);
    t.clock.advance(61_000);
    const stranger = await http.post(`${API}/register/`, {
      mobile_number: local,
      name: "Stranger",
      email: "stranger@evil.test",
    });
    expect(stranger.status).toBe(200);

    // The victim types the code their own register call sent; the stranger's call voided nothing.
    const verified = await http.post(`${API}/verify-otp/`, {
      mobile_number: local,
      otp_code: victimCode,
      signup_id: reg.body.signup_id,
    });
    expect(verified.status).toBe(200);
    const done = await http.post(`${API}/complete-registration/`, {
      mobile_number: local,
      password: "a strong password",
      signup_token: verified.body.signup_token,
    });
    expect(done.status).toBe(201);
    expect(done.body.user).toMatchObject({ name: "Real Owner", email: "owner@example.com" });
  });

  it("leaves a verified, unfinished signup open and unchanged", async ({ t, http }) => {
    const mobile = uniqueMobile();
    const { local } = mobile;
    const { signupToken } = await victimVerifies(t, http, mobile, { name: "Verified Owner", email: "v@example.com" });
    t.clock.advance(61_000);
    expect(
      (await http.post(`${API}/register/`, { mobile_number: local, name: "Stranger", email: "s@evil.test" })).status,
    ).toBe(200);
    const done = await http.post(`${API}/complete-registration/`, {
      mobile_number: local,
      password: "a strong password",
      signup_token: signupToken,
    });
    expect(done.status).toBe(201);
    expect(done.body.user).toMatchObject({ name: "Verified Owner", email: "v@example.com" });
  });

  it("will not verify a code against another register call's signup", async ({ t, http }) => {
    const { local, e164 } = uniqueMobile();
    const victim = await http.post(`${API}/register/`, { mobile_number: local, name: "Victim" });
    await t.latestOtp(e164);
    t.clock.advance(61_000);
    await http.post(`${API}/register/`, { mobile_number: local, name: "Stranger", email: "s@evil.test" });
    const strangersCode = await t.latestOtp(e164);
    const res = await http.post(`${API}/verify-otp/`, {
      mobile_number: local,
      otp_code: strangersCode,
      signup_id: victim.body.signup_id,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_OTP");
  });
});

describe("names that would make our SMS a phishing channel", () => {
  const names = [
    "CIB Bank: card blocked! Unlock at http://cib-secure.example",
    "Visit www.free-tickets.example",
    "Claim at bit.ly/abc123",
    "Write to support@bank.example",
    "Call +20 100 123 4567 now",
    "Hotline 0100-123-4567",
    "Reversed \u202Etxt.exe",
    "Isolated \u2066text\u2069",
    "Line\u2028break",
  ];
  it.for(names)("refuses %j at register, and texts nobody", async (name, { t, http }) => {
    const { local, e164 } = uniqueMobile();
    const res = await http.post(`${API}/register/`, { mobile_number: local, name });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_ERROR");
    expect(await countRows(t.database.db, notifications, eq(notifications.recipient, e164))).toBe(0);
  });

  it("still accepts ordinary names", async ({ http }) => {
    for (const name of ["Sara Ali", "J.R. Smith", "محمد عبد الله", "Anne-Marie O'Neil", "Dr.Ahmed", "Team 2026"]) {
      const res = await http.post(`${API}/register/`, { mobile_number: uniqueMobile().local, name });
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
  });
});

describe("the cost of our SMS", () => {
  it("texts at most 5 sign-up codes to one number in 24 hours, and 5 login codes besides", async ({ t, http }) => {
    const { local, e164 } = uniqueMobile();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await http.post(`${API}/register/`, { mobile_number: local, name: "Pumped Number" })).status);
      t.clock.advance(61_000);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await http.post(`${API}/register/`, { mobile_number: local, name: "Pumped Number" });
    expect(refused.body.error).toMatchObject({ code: "LIMIT_REACHED", details: { limit: 5 } });
    expect(await countRows(t.database.db, otpCodes, eq(otpCodes.target, e164))).toBe(5);

    t.clock.advance(DAY);
    expect((await http.post(`${API}/register/`, { mobile_number: local, name: "Pumped Number" })).status).toBe(200);
  });

  it("counts login codes on their own", async ({ t, http }) => {
    const customer = await signUpThroughApi(t, { password: "a strong password" });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      t.clock.advance(61_000);
      const res = await http.post(`${API}/login/`, { mobile_number: customer.e164, password: "a strong password" });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });
});

describe("codes requested from one connection", () => {
  it("are at most 10 an hour, across sign-up and login", async ({ strict }) => {
    const client = await serveOverHttp(strict);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await client.post(`${API}/register/`, { mobile_number: uniqueMobile().local, name: "Pumper" });
      statuses.push(res.status);
      const login = await client.post(`${API}/login/`, { mobile_number: uniqueMobile().local, password: "guess" });
      statuses.push(login.status);
    }
    expect(statuses).toEqual([200, 401, 200, 401, 200, 401, 200, 401, 200, 401]);
    const eleventh = await client.post(`${API}/register/`, { mobile_number: uniqueMobile().local, name: "Pumper" });
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error).toMatchObject({
      code: "RATE_LIMITED",
      details: { retry_after_seconds: expect.any(Number) },
    });
    expect(eleventh.body.error.details.retry_after_seconds).toBeGreaterThan(60);
    expect(await countRows(strict.database.db, otpCodes)).toBe(5);
  });
});

describe("refresh tokens", () => {
  it("end 30 days after the login, however often they were rotated", async ({ t, http }) => {
    const customer = await insertCustomer(t);
    let refresh = customer.refresh;
    for (let week = 1; week <= 4; week++) {
      t.clock.advance(7 * DAY);
      const rotated = await http.post(`${API}/refresh-token/`, { refresh });
      expect(rotated.status).toBe(200);
      refresh = rotated.body.refresh;
    }
    // Rotated three days ago, but the login it belongs to is 31 days old.
    t.clock.advance(3 * DAY);
    const late = await http.post(`${API}/refresh-token/`, { refresh });
    expect(late.status).toBe(401);
    expect(late.body.error.code).toBe("INVALID_REFRESH_TOKEN");
  });
});

describe("logs", () => {
  it("redact claim tokens in percent-encoded and nested query strings", async ({ t, http }) => {
    const secret = "s3cr3tTokenValue_abcdefghijklmnopqrstuvwxyz0";
    await http.get(`${API}/validate-registration-token/?%74oken=${secret}`);
    await http.get(`/login?next=${encodeURIComponent(`/signup?token=${secret}`)}`);
    await http.get(`/login?next=${encodeURIComponent(encodeURIComponent(`/signup?token=${secret}`))}`);
    await http.get(`${API}/validate-registration-token/?TOKEN=${secret}`);
    const logs = t.logs.join("\n");
    expect(logs).toContain("validate-registration-token");
    expect(logs).not.toContain(secret);
    expect(logs).not.toContain(secret.slice(0, 20));
  });
});

// On PGlite transactions already run one at a time; on Postgres the two requests really race.
describe("a gift racing its recipient's signup", () => {
  it("always ends in the new account, never waiting for a signup that already happened", async ({ t, http }) => {
    for (let round = 0; round < 30; round++) {
      const buyer = await insertCustomer(t, { name: "Racing Buyer" });
      const { event, category } = await createEvent(t);
      const mobile = uniqueMobile();
      const { local, e164 } = mobile;
      const { signupToken } = await victimVerifies(t, http, mobile, { name: "Racing Recipient" });
      const [booked, done] = await Promise.all([
        http.post(
          "/api/v1/tickets/book/",
          {
            event_id: event.id,
            items: [{ category_id: category.id, quantity: 1, assignees: [{ mobile_number: local }] }],
          },
          buyer.access,
        ),
        http.post(`${API}/complete-registration/`, {
          mobile_number: local,
          password: "a strong password",
          signup_token: signupToken,
        }),
      ]);
      expect([booked.status, done.status]).toEqual([201, 201]);
      const [ticket] = await t.database.db.select().from(tickets).where(eq(tickets.assignedMobile, e164));
      expect(ticket?.ownerId).toBe(done.body.user.id);
    }
  }, 120_000);
});
