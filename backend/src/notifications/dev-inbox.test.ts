import { describe, expect } from "vitest";
import { appTest, testApp } from "../test-support/app-test";
import { uniqueMobile } from "../test-support/phone-numbers";
import { PRODUCTION_TEST_ENV, type TestApp } from "../test-support/test-app";

const it = appTest.extend("prod", { scope: "file" }, testApp({ env: PRODUCTION_TEST_ENV }));

interface OutboxEntry {
  channel: "sms" | "email";
  to: string;
  subject: string | null;
  text: string;
  html: string | null;
  created_at: string;
}

const outbox = async (t: TestApp) => {
  const res = await t.call("GET", "/api/dev/outbox");
  expect(res.statusCode).toBe(200);
  return res.json().messages as OutboxEntry[];
};

/** Signs up the way a developer would in the browser, reading the code from the dev inbox. */
async function signUpWithTheDevInbox(t: TestApp, input: { name: string; email: string }) {
  const { local, e164 } = uniqueMobile();
  const reg = await t.call("POST", "/api/v1/users/register/", { mobile_number: local, ...input });
  expect(reg.statusCode).toBe(200);
  await t.deliverAll();
  const [sms] = await outbox(t);
  expect(sms).toMatchObject({ channel: "sms", to: e164, subject: null });
  const code = sms?.text.match(/\b(\d{6})\b/)?.[1] ?? "";
  const verified = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: code });
  expect(verified.json()).toEqual({ mobile_verified: true, signup_token: expect.any(String) });
  const done = await t.call("POST", "/api/v1/users/complete-registration/", {
    mobile_number: local,
    password: "a strong password",
    signup_token: verified.json().signup_token,
  });
  expect(done.statusCode).toBe(201);
  await t.deliverAll();
  return { e164, code, smsText: sms?.text };
}

describe("dev inbox", () => {
  it("lets a developer sign up with no outside service: the working code and the welcome email show up, newest first", async ({
    t,
  }) => {
    expect(await outbox(t)).toEqual([]);
    const email = "dev-walkthrough@example.com";
    const { e164, code, smsText } = await signUpWithTheDevInbox(t, { name: "Karim Nabil", email });
    expect(smsText).toBe(`${code} is your TicketRunners sign-up code. It expires in 5 minutes. Never share it.`);

    const messages = await outbox(t);
    expect(messages.map((m) => [m.channel, m.to])).toEqual([
      ["email", email],
      ["sms", e164],
    ]);
    expect(messages[0]).toMatchObject({ subject: "Welcome to TicketRunners" });
    expect(messages[0]?.text).toContain("http://tickets.test/my-tickets");
    expect(messages[0]?.html).toContain('href="http://tickets.test/my-tickets"');

    const page = await t.call("GET", "/dev/inbox");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    for (const shown of [e164, code, email, "Welcome to TicketRunners", 'href="http://tickets.test/my-tickets"']) {
      expect(page.body).toContain(shown);
    }
    expect(page.body.indexOf(email)).toBeLessThan(page.body.indexOf(e164));
  });

  it("shows a message's text as text, never as markup", async ({ t }) => {
    const name = '<img src=x onerror="alert(1)">';
    await signUpWithTheDevInbox(t, { name, email: "markup@example.com" });

    expect((await outbox(t))[0]?.text).toContain(name);
    const page = await t.call("GET", "/dev/inbox");
    expect(page.body).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(page.body).not.toContain("<img src=x");
  });
});

describe("in production", () => {
  it("answers 404 for the dev inbox page and its JSON", async ({ prod }) => {
    const json = await prod.call("GET", "/api/dev/outbox");
    expect(json.statusCode).toBe(404);
    expect(json.json().error.code).toBe("NOT_FOUND");

    const page = await prod.call("GET", "/dev/inbox");
    expect(page.body).not.toContain("Dev inbox");
    // A real 404 even with a built webapp: /dev/ is never handed to the SPA.
    expect(page.statusCode).toBe(404);
  });
});
