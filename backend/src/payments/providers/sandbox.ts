import { hkdfSync, randomBytes } from "node:crypto";
import type { Config } from "../../config";
import type { Clock } from "../../shared/clock";
import { hmacSha256 } from "../../shared/hashing";
import type { GatewayVerdict, PaymentProvider, PaymentRow } from "./provider";
import { badSignature, checkSignature, header } from "./signatures";

export const SANDBOX_SIGNATURE_HEADER = "x-sandbox-signature";
const TOLERANCE_SECONDS = 10 * 60;

/** Without PAYMENT_WEBHOOK_SECRET (development), a key derived from the server's own secret. */
export function sandboxSecret(config: Config): string {
  return (
    config.PAYMENT_WEBHOOK_SECRET ??
    Buffer.from(hkdfSync("sha256", config.JWT_SECRET, "ticketrunners", "sandbox-gateway", 32)).toString("hex")
  );
}

export interface SandboxWebhookBody {
  event_id: string;
  transaction_id: string;
  status: "paid" | "failed";
  reference: string;
  amount_minor: number;
  currency: string;
}

/**
 * The offline payment gateway: a hosted checkout page served by this server that signs its webhooks
 * (`t=…,v1=HMAC(secret, "t.body")`) and its redirects exactly as a real gateway does.
 */
export type SandboxProvider = PaymentProvider & {
  signWebhook(body: string, at?: Date): string;
  signRedirect(params: { transaction_id: string; status: string; reference: string }): string;
};

export function sandboxProvider(config: Config, clock: Clock): SandboxProvider {
  const secret = sandboxSecret(config);
  const redirectMessage = (p: { transaction_id: string; status: string; reference: string }) =>
    `${p.transaction_id}.${p.status}.${p.reference}`;

  return {
    name: "sandbox",
    checkoutUrl: (payment: PaymentRow) => `${config.PUBLIC_API_URL}/payments/sandbox/checkout/${payment.id}`,

    signWebhook(body, at = clock.now()) {
      const t = Math.floor(at.getTime() / 1000);
      return `t=${t},v1=${hmacSha256(secret, `${t}.${body}`)}`;
    },

    signRedirect: (params) => hmacSha256(secret, redirectMessage(params)),

    verifyWebhook(rawBody, headers): GatewayVerdict {
      const parts = Object.fromEntries(
        (header(headers, SANDBOX_SIGNATURE_HEADER) ?? "").split(",").map((p) => p.split("=", 2) as [string, string]),
      );
      const t = Number(parts.t);
      if (!Number.isInteger(t) || Math.abs(clock.now().getTime() / 1000 - t) > TOLERANCE_SECONDS) throw badSignature();
      checkSignature(secret, `${t}.${rawBody}`, parts.v1);
      let body: SandboxWebhookBody;
      try {
        body = JSON.parse(rawBody) as SandboxWebhookBody;
      } catch {
        throw badSignature();
      }
      return {
        eventId: String(body.event_id),
        paymentId: String(body.transaction_id),
        status: body.status === "paid" ? "paid" : "failed",
        providerReference: body.reference,
        amountMinor: body.amount_minor,
        currency: body.currency,
      };
    },

    verifyRedirect(params) {
      const { transaction_id, status, reference, signature } = params;
      if (!transaction_id || !status || !reference) throw badSignature();
      checkSignature(secret, redirectMessage({ transaction_id, status, reference }), signature);
      return { paymentId: transaction_id, status: status === "paid" ? "paid" : "failed", providerReference: reference };
    },
  };
}

export const newSandboxReference = () => `sbx_${randomBytes(9).toString("base64url")}`;
export const newSandboxEventId = () => `evt_${randomBytes(12).toString("base64url")}`;
