import type { Config } from "../../config";
import type { Db } from "../../db/client";
import { devInboxMessages } from "../../db/schema";
import { DeliveryError } from "./delivery-error";

export interface SmsProvider {
  readonly name: string;
  send(to: string, text: string): Promise<{ providerMessageId?: string }>;
}

const SEND_TIMEOUT_MS = 15_000;

export function createSmsProvider(config: Config, db: Db): SmsProvider {
  switch (config.SMS_PROVIDER) {
    case "twilio":
      return twilioSms({
        accountSid: config.TWILIO_ACCOUNT_SID ?? "",
        authToken: config.TWILIO_AUTH_TOKEN ?? "",
        from: config.TWILIO_FROM ?? "",
        apiBase: config.TWILIO_API_BASE,
      });
    case "http":
      return httpGatewaySms({ url: config.SMS_HTTP_URL ?? "", token: config.SMS_HTTP_TOKEN });
    default:
      return devInboxSms(db);
  }
}

/**
 * SMS_PROVIDER=console, for development: the message is kept in the database for the dev inbox
 * instead of leaving the machine.
 */
export function devInboxSms(db: Db): SmsProvider {
  return {
    name: "console",
    async send(to, text) {
      const [row] = await db
        .insert(devInboxMessages)
        .values({ channel: "sms", recipient: to, text })
        .returning({ id: devInboxMessages.id });
      return { providerMessageId: `console-${row?.id}` };
    },
  };
}

export function twilioSms(options: {
  accountSid: string;
  authToken: string;
  from: string;
  apiBase: string;
}): SmsProvider {
  const url = `${options.apiBase.replace(/\/+$/, "")}/2010-04-01/Accounts/${encodeURIComponent(options.accountSid)}/Messages.json`;
  const auth = Buffer.from(`${options.accountSid}:${options.authToken}`).toString("base64");
  return {
    name: "twilio",
    async send(to, text) {
      const response = await post(
        url,
        new URLSearchParams({ To: to, From: options.from, Body: text }),
        `Basic ${auth}`,
      );
      const body = (await response.json().catch(() => ({}))) as { sid?: string; code?: number; message?: string };
      if (!response.ok) {
        throw new DeliveryError(
          `Twilio answered ${response.status}${body.code ? ` (code ${body.code})` : ""}`,
          response.status === 400 || response.status === 401 || response.status === 403 || response.status === 404,
        );
      }
      return { providerMessageId: body.sid };
    },
  };
}

/** The original platform's gateway: form POST `phone`, `text_message`, Bearer token. */
export function httpGatewaySms(options: { url: string; token?: string }): SmsProvider {
  return {
    name: "http",
    async send(to, text) {
      const response = await post(
        options.url,
        new URLSearchParams({ phone: to, text_message: text }),
        options.token ? `Bearer ${options.token}` : undefined,
      );
      const raw = await response.text().catch(() => "");
      if (!response.ok) throw new DeliveryError(`SMS gateway answered ${response.status}`, response.status === 401);
      let id: string | undefined;
      try {
        const parsed = JSON.parse(raw) as { id?: unknown; message_id?: unknown };
        id = String(parsed.message_id ?? parsed.id ?? "") || undefined;
      } catch {
        id = undefined;
      }
      return { providerMessageId: id };
    },
  };
}

async function post(url: string, form: URLSearchParams, authorization: string | undefined): Promise<Response> {
  try {
    return await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        ...(authorization ? { authorization } : {}),
      },
      body: form,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    const reason = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : "unknown";
    throw new DeliveryError(`SMS request failed: ${reason}`);
  }
}
