import { z } from "zod";
import { listOf } from "./schema-parts";
import { typeError } from "./validation";

/** `cancelled`: the buyer gave the checkout up before paying; its seats went back on sale. */
export const PAYMENT_STATUSES = ["pending", "paid", "failed", "expired", "cancelled"] as const;
export const paymentStatusSchema = z.enum(PAYMENT_STATUSES);
export type PaymentStatus = z.infer<typeof paymentStatusSchema>;

/** `booking`: tickets booked without a gateway (free ones); the others are the gateways that take the money. */
export const PAYMENT_PROVIDERS = ["booking", "sandbox", "kashier"] as const;

/** The body of POST /payments/confirm/: the browser's return from the gateway. */
export const confirmPaymentRequestSchema = z.object({
  transaction_id: z.uuid({ error: typeError("id_invalid") }),
  /** Every query parameter the gateway put on the redirect; the server checks their signature. */
  params: z.record(z.string().max(64), z.string().max(512)).optional(),
});
export type ConfirmPaymentRequest = z.infer<typeof confirmPaymentRequestSchema>;

/** POST /payments/process/: the gateway's hosted page to send the browser to. */
export const checkoutResponseSchema = z
  .object({ transaction_id: z.guid(), checkout_url: z.string(), expires_at: z.iso.datetime() })
  .describe("The seats are held until expires_at: send the browser to checkout_url to pay.");
export type CheckoutResponse = z.infer<typeof checkoutResponseSchema>;

/** POST /payments/confirm/, POST /payments/{id}/cancel/ and GET /payments/{id}/status/ */
export const paymentStatusViewSchema = z
  .object({
    transaction_id: z.guid(),
    status: paymentStatusSchema,
    amount_minor: z.int(),
    currency: z.string(),
    event_id: z.guid(),
    /** Tickets issued so far: all of them once the payment is paid. */
    ticket_count: z.int(),
    expires_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "PaymentStatusView", description: "One of the caller's payments." });
export type PaymentStatusView = z.infer<typeof paymentStatusViewSchema>;

/** One of the caller's checkouts still waiting for payment, holding its seats. */
export const openCheckoutViewSchema = paymentStatusViewSchema.extend({
  /** Always `pending`: only unpaid checkouts are listed. */
  status: paymentStatusSchema,
  event_name: z.string(),
  /** Tickets the checkout is for (none is issued before the payment). */
  ticket_count: z.int(),
  /** The gateway's page where the buyer can still pay; null when its gateway is no longer configured. */
  checkout_url: z.string().nullable(),
});
export type OpenCheckoutView = z.infer<typeof openCheckoutViewSchema>;

export const openCheckoutsResponseSchema = listOf("payments", openCheckoutViewSchema).meta({
  id: "OpenCheckouts",
  description: "The caller's unpaid checkouts that still hold seats.",
});
export type OpenCheckoutsResponse = z.infer<typeof openCheckoutsResponseSchema>;

/** What our webhook endpoint tells a gateway. */
export const webhookResultSchema = z
  .object({
    received: z.literal(true),
    /** This event id was received before; nothing was applied again. */
    duplicate: z.boolean(),
    /** The payment's status after the event, `ignored` (not ours) or `duplicate`. */
    outcome: z.string(),
  })
  .describe("The event was recorded.");
export type WebhookResult = z.infer<typeof webhookResultSchema>;
