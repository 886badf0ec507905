import type { payments } from "../../db/schema";

export type PaymentRow = typeof payments.$inferSelect;

/** What a verified gateway message says about one of our payments. */
export interface GatewayVerdict {
  /** Unique per gateway message: repeated deliveries of one message share it. */
  eventId: string;
  paymentId: string;
  status: "paid" | "failed";
  providerReference?: string;
  /** When the gateway states the amount, it must match ours. */
  amountMinor?: number;
  currency?: string;
}

export interface PaymentProvider {
  readonly name: "sandbox" | "kashier";
  /** The hosted payment page the buyer is sent to. */
  checkoutUrl(payment: PaymentRow): string;
  /** Verifies a webhook's signature over its raw body; throws BAD_SIGNATURE (401) otherwise. */
  verifyWebhook(rawBody: string, headers: Record<string, string | string[] | undefined>): GatewayVerdict;
  /** Verifies the signed query string the gateway redirected the browser with. */
  verifyRedirect(params: Record<string, string>): Omit<GatewayVerdict, "eventId">;
}
