import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import { notifications } from "../../db/schema";
import { appTest, fileResource, startTestApp } from "../../test-support/app-test";
import {
  closedPort,
  type FakeHttpServer,
  type FakeReply,
  startSmsGateway,
  startTwilioApi,
} from "../../test-support/fakes/http-server";
import { uniqueMobile } from "../../test-support/phone-numbers";
import type { TestApp } from "../../test-support/test-app";
import { DeliveryError } from "./delivery-error";
import { httpGatewaySms, twilioSms } from "./sms";

const stopped = (server: FakeHttpServer) => server.close();
const it = appTest
  .extend("twilio", { scope: "file" }, fileResource(startTwilioApi, stopped))
  .extend("gateway", { scope: "file" }, fileResource(startSmsGateway, stopped))
  // The whole app, texting through the HTTP gateway or through Twilio.
  .extend("gatewayApp", { scope: "file" }, ({ gateway }, { onCleanup }) =>
    startTestApp(onCleanup, {
      env: { SMS_PROVIDER: "http", SMS_HTTP_URL: `${gateway.origin}/send`, SMS_HTTP_TOKEN: "gateway-token" },
    }),
  )
  .extend("twilioApp", { scope: "file" }, ({ twilio }, { onCleanup }) =>
    startTestApp(onCleanup, {
      env: {
        SMS_PROVIDER: "twilio",
        TWILIO_API_BASE: twilio.origin,
        TWILIO_ACCOUNT_SID: "ACapp0000",
        TWILIO_AUTH_TOKEN: "app-auth-token",
        TWILIO_FROM: "+15005550006",
      },
    }),
  );

const ARABIC = "رمز التحقق الخاص بك هو 482913 — لا تشاركه مع أحد";

const twilioFor = (apiBase: string) =>
  twilioSms({ accountSid: "AC0123456789abcdef", authToken: "twilio-auth-token", from: "+15005550006", apiBase });

/** A gateway of its own for one test, answering every request with `reply`. */
async function answering<T>(
  start: () => Promise<FakeHttpServer>,
  reply: FakeReply,
  use: (origin: string) => Promise<T>,
) {
  const server = await start();
  try {
    server.respond(() => reply);
    return await use(server.origin);
  } finally {
    await server.close();
  }
}

/** Runs `send` and returns the DeliveryError it rejects with (fails the test if it resolves). */
async function deliveryError(send: Promise<unknown>): Promise<DeliveryError> {
  const err = await send.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DeliveryError);
  return err as DeliveryError;
}

describe(twilioSms.name, () => {
  it("posts To, From and Body to the account's Messages.json with Basic auth and returns Twilio's sid", async ({
    twilio,
  }) => {
    const before = twilio.requests.length;
    const result = await twilioFor(twilio.origin).send("+201012345678", ARABIC);

    expect(twilio.requests).toHaveLength(before + 1);
    const request = twilio.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/2010-04-01/Accounts/AC0123456789abcdef/Messages.json");
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from("AC0123456789abcdef:twilio-auth-token").toString("base64")}`,
    );
    expect(request?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.form).toEqual({ To: "+201012345678", From: "+15005550006", Body: ARABIC });
    expect(result.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);
  });

  it("accepts an API base written with a trailing slash", async ({ twilio }) => {
    await twilioFor(`${twilio.origin}/`).send("+201012345678", "hello");
    expect(twilio.requests.at(-1)?.path).toBe("/2010-04-01/Accounts/AC0123456789abcdef/Messages.json");
  });

  it("reports a Twilio 500 as a delivery failure worth retrying", async () => {
    const reply = { status: 500, json: { code: 20500, message: "Internal Server Error", status: 500 } };
    const err = await answering(startTwilioApi, reply, (origin) =>
      deliveryError(twilioFor(origin).send("+201012345678", "hello")),
    );
    expect(err.permanent).toBe(false);
    expect(err.message).toContain("500");
    expect(err.message).not.toContain("twilio-auth-token");
  });

  it("reports a Twilio 400 (a number Twilio cannot text) as a permanent failure", async () => {
    const reply = {
      status: 400,
      json: { code: 21211, message: "The 'To' number +20 is not a valid phone number.", status: 400 },
    };
    const err = await answering(startTwilioApi, reply, (origin) =>
      deliveryError(twilioFor(origin).send("+20", "hello")),
    );
    expect(err.permanent).toBe(true);
    expect(err.message).toContain("400");
    expect(err.message).toContain("21211");
  });
});

describe(httpGatewaySms.name, () => {
  it("posts phone and text_message form-encoded with the Bearer token and returns the gateway's id", async ({
    gateway,
  }) => {
    const sms = httpGatewaySms({ url: `${gateway.origin}/api/send`, token: "gateway-token" });
    const result = await sms.send("+201012345678", ARABIC);

    const request = gateway.requests.at(-1);
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/api/send");
    expect(request?.headers.authorization).toBe("Bearer gateway-token");
    expect(request?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(request?.form).toEqual({ phone: "+201012345678", text_message: ARABIC });
    expect(result.providerMessageId).toMatch(/^gw-\d+$/);
  });

  it("reports an answer that is not 2xx as a delivery failure worth retrying", async () => {
    const err = await answering(startSmsGateway, { status: 503, json: { error: "busy" } }, (url) =>
      deliveryError(httpGatewaySms({ url, token: "gateway-token" }).send("+2010", "x")),
    );
    expect(err.permanent).toBe(false);
    expect(err.message).toContain("503");
  });

  it("reports a gateway that refuses our token (401) as a permanent failure", async () => {
    const err = await answering(startSmsGateway, { status: 401, json: { error: "unauthorized" } }, (url) =>
      deliveryError(httpGatewaySms({ url, token: "wrong-token" }).send("+2010", "x")),
    );
    expect(err.permanent).toBe(true);
    expect(err.message).not.toContain("wrong-token");
  });

  it("reports a refused connection as a retryable failure whose message names no secret", async () => {
    const port = await closedPort();
    const sms = httpGatewaySms({ url: `http://127.0.0.1:${port}/send`, token: "gateway-secret-token" });
    const err = await deliveryError(sms.send("+201012345678", "731904 is your TicketRunners code"));
    expect(err.permanent).toBe(false);
    expect(err.message).toMatch(/ECONNREFUSED|refused/i);
    for (const secret of ["gateway-secret-token", "731904", "+201012345678"]) {
      expect(err.message).not.toContain(secret);
    }
  });
});

describe("SMS through the whole app", () => {
  /** Registers a new number and delivers its OTP; returns what the provider was sent and the ledger row. */
  async function registerAndDeliver(t: TestApp, server: FakeHttpServer) {
    const { local, e164 } = uniqueMobile();
    const before = server.requests.length;
    const reg = await t.call("POST", "/api/v1/users/register/", { mobile_number: local, name: "Omar Hassan" });
    expect(reg.statusCode, reg.body).toBe(200);
    await t.deliverAll();
    const sent = server.requests.slice(before);
    const [row] = await t.database.db.select().from(notifications).where(eq(notifications.recipient, e164));
    return { local, e164, sent, row };
  }

  it("texts the sign-up code through the HTTP gateway, and the code it carries verifies the number", async ({
    gatewayApp: t,
    gateway,
  }) => {
    const { local, e164, sent, row } = await registerAndDeliver(t, gateway);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.authorization).toBe("Bearer gateway-token");
    expect(sent[0]?.form.phone).toBe(e164);
    const code = sent[0]?.form.text_message?.match(/\b(\d{6})\b/)?.[1];
    expect(code).toBeDefined();

    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      sealedSecret: null,
      providerMessageId: expect.any(String),
    });
    expect(row?.providerMessageId).toMatch(/^gw-\d+$/);
    expect(row?.body).not.toContain(code);
    expect(await t.inbox(e164)).toEqual([]);

    const verify = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: code });
    expect(verify.json()).toEqual({ mobile_verified: true, signup_token: expect.any(String) });
  });

  it("texts the sign-up code through Twilio when SMS_PROVIDER=twilio", async ({ twilioApp: t, twilio }) => {
    const { local, e164, sent, row } = await registerAndDeliver(t, twilio);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.path).toBe("/2010-04-01/Accounts/ACapp0000/Messages.json");
    expect(sent[0]?.headers.authorization).toBe(`Basic ${Buffer.from("ACapp0000:app-auth-token").toString("base64")}`);
    expect(sent[0]?.form).toMatchObject({ To: e164, From: "+15005550006" });
    const code = sent[0]?.form.Body?.match(/\b(\d{6})\b/)?.[1];
    expect(code).toBeDefined();

    expect(row).toMatchObject({ status: "sent", sealedSecret: null });
    expect(row?.providerMessageId).toMatch(/^SM[0-9a-f]{32}$/);

    const verify = await t.call("POST", "/api/v1/users/verify-otp/", { mobile_number: local, otp_code: code });
    expect(verify.json()).toEqual({ mobile_verified: true, signup_token: expect.any(String) });
  });
});
