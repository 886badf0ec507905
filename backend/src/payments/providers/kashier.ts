import type { Config } from "../../config";
import { hmacSha256 } from "../../shared/hashing";
import type { GatewayVerdict, PaymentProvider, PaymentRow } from "./provider";
import { badSignature, checkSignature, header, toMajorUnits, toMinorUnits } from "./signatures";

export const KASHIER_SIGNATURE_HEADER = "x-kashier-signature";
/** The webhook fields a verdict is built from: each must be covered by the signature. */
export const KASHIER_REQUIRED_SIGNED_KEYS = ["merchantOrderId", "status", "amount", "currency"] as const;

export interface KashierOptions {
  merchantId: string;
  apiKey: string;
  baseUrl: string;
  mode: "test" | "live";
  /** Where the browser comes back to (the webapp's payment confirmation page). */
  redirectUrl: string;
  /** Our webhook endpoint, given to Kashier with each order. */
  webhookUrl: string;
}

/** Kashier's order hash: HMAC-SHA256 over `/?payment={mid}.{orderId}.{amount}.{currency}`. */
export function kashierOrderHash(
  o: { merchantId: string; orderId: string; amount: string; currency: string },
  apiKey: string,
) {
  return hmacSha256(apiKey, `/?payment=${o.merchantId}.${o.orderId}.${o.amount}.${o.currency}`);
}

/** RFC 3986 encoding as Kashier's reference code (query-string's strict mode) produces it. */
const strictEncode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * The string Kashier signs in a webhook: the `signatureKeys` of `data`, sorted, as `k=v&…` with
 * strictly encoded values.
 */
export function kashierWebhookPayload(data: Record<string, unknown>): string {
  const keys = Array.isArray(data.signatureKeys) ? data.signatureKeys.map(String).sort() : [];
  return keys
    .filter((k) => data[k] !== undefined)
    .map((k) => (data[k] === null ? strictEncode(k) : `${strictEncode(k)}=${strictEncode(stringValue(data[k]))}`))
    .join("&");
}

const stringValue = (v: unknown) => (typeof v === "object" ? JSON.stringify(v) : String(v));

/**
 * The string Kashier signs on the redirect: every query parameter but `signature` and `mode`, in the
 * order received, as `k=v&…` (decoded values).
 */
export function kashierRedirectPayload(params: Record<string, string>): string {
  return Object.entries(params)
    .filter(([k]) => k !== "signature" && k !== "mode")
    .map(([k, v]) => `${k}=${v}`)
    .join("&");
}

export function kashierProvider(options: KashierOptions): PaymentProvider {
  return {
    name: "kashier",

    checkoutUrl(payment: PaymentRow) {
      const amount = toMajorUnits(payment.amountMinor, payment.currency);
      const query = new URLSearchParams({
        merchantId: options.merchantId,
        orderId: payment.id,
        amount,
        currency: payment.currency,
        hash: kashierOrderHash(
          { merchantId: options.merchantId, orderId: payment.id, amount, currency: payment.currency },
          options.apiKey,
        ),
        mode: options.mode,
        merchantRedirect: options.redirectUrl,
        serverWebhook: options.webhookUrl,
        allowedMethods: "card,wallet",
        display: payment.locale,
      });
      return `${options.baseUrl.replace(/\/+$/, "")}/?${query}`;
    },

    verifyWebhook(rawBody, headers): GatewayVerdict {
      let body: { event?: string; data?: Record<string, unknown> };
      try {
        body = JSON.parse(rawBody);
      } catch {
        throw badSignature();
      }
      const data = body !== null && typeof body === "object" ? body.data : undefined;
      if (!data || typeof data !== "object") throw badSignature();
      let payload: string;
      try {
        payload = kashierWebhookPayload(data);
      } catch {
        // Whatever an unsigned sender puts in the body, the answer is the same.
        throw badSignature();
      }
      checkSignature(options.apiKey, payload, header(headers, KASHIER_SIGNATURE_HEADER));
      // A valid signature over other fields says nothing about the ones we act on.
      const signed = new Set(Array.isArray(data.signatureKeys) ? data.signatureKeys.map(String) : []);
      if (!KASHIER_REQUIRED_SIGNED_KEYS.every((k) => signed.has(k) && data[k] !== undefined && data[k] !== null)) {
        throw badSignature();
      }
      const transactionId = String(data.transactionId ?? data.kashierOrderId ?? "");
      return {
        eventId: `${body.event ?? "event"}:${transactionId}:${String(data.status ?? "")}`,
        paymentId: String(data.merchantOrderId ?? ""),
        status: data.status === "SUCCESS" ? "paid" : "failed",
        providerReference: transactionId || undefined,
        amountMinor: data.amount === undefined ? undefined : toMinorUnits(data.amount, String(data.currency ?? "EGP")),
        currency: data.currency === undefined ? undefined : String(data.currency),
      };
    },

    verifyRedirect(params) {
      checkSignature(options.apiKey, kashierRedirectPayload(params), params.signature);
      // Every signed parameter is covered; these must be among them, or the verdict would rest on nothing.
      if (!["merchantOrderId", "paymentStatus", "amount", "currency"].every((k) => params[k])) throw badSignature();
      return {
        paymentId: params.merchantOrderId ?? "",
        status: params.paymentStatus === "SUCCESS" ? "paid" : "failed",
        providerReference: params.transactionId ?? params.orderId,
        amountMinor: params.amount === undefined ? undefined : toMinorUnits(params.amount, params.currency ?? "EGP"),
        currency: params.currency,
      };
    },
  };
}

export function kashierFromConfig(config: Config): PaymentProvider {
  return kashierProvider({
    merchantId: config.KASHIER_MERCHANT_ID ?? "",
    apiKey: config.KASHIER_API_KEY ?? "",
    baseUrl: config.KASHIER_BASE_URL,
    mode: config.KASHIER_MODE,
    redirectUrl: `${config.FRONTEND_URL}/payments/confirmation`,
    webhookUrl: `${config.PUBLIC_API_URL}/api/v1/payments/webhook/kashier/`,
  });
}
