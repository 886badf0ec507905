import { z } from "zod";
import { PAYMENT_PROVIDERS, paymentStatusSchema } from "./payments";
import { listOf } from "./schema-parts";

/** GET /health while the database answers (503 in the error shape otherwise). */
export const healthResponseSchema = z
  .object({
    status: z.literal("ok"),
    database: z.literal("up"),
    /** Only when REDIS_URL is set: `down` means rate limits are not shared (nor enforced) right now. */
    redis: z.enum(["up", "down"]).optional(),
  })
  .describe("The service and its database are up.");
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** An instant: the server holds a Date, the wire an ISO 8601 string (use `z.input` for the wire type). */
const instant = z.codec(z.iso.datetime(), z.date(), {
  decode: (text) => new Date(text),
  encode: (date) => date.toISOString(),
});

export const NOTIFICATION_STATUSES = ["queued", "sending", "sent", "failed", "dead"] as const;
export const notificationStatusSchema = z.enum(NOTIFICATION_STATUSES);
export type NotificationStatus = z.infer<typeof notificationStatusSchema>;

export const NOTIFICATION_CHANNELS = ["sms", "email"] as const;

export const adminNotificationSchema = z.object({
  id: z.guid(),
  channel: z.enum(NOTIFICATION_CHANNELS),
  recipient: z.string(),
  template: z.string(),
  status: notificationStatusSchema,
  attempts: z.int(),
  max_attempts: z.int(),
  last_error: z.string().nullable(),
  next_attempt_at: instant,
  payment_id: z.guid().nullable(),
  created_at: instant,
  sent_at: instant.nullable(),
});
/** One outbox message as the operator API sends it (the wire shape). */
export type AdminNotification = z.input<typeof adminNotificationSchema>;

export const adminNotificationsResponseSchema = listOf("notifications", adminNotificationSchema).describe(
  "Outbox messages, newest first.",
);
export type AdminNotificationsResponse = z.input<typeof adminNotificationsResponseSchema>;

export const retryNotificationResponseSchema = z
  .object({ id: z.guid(), status: notificationStatusSchema })
  .describe("The message is queued again with a fresh set of attempts.");
export type RetryNotificationResponse = z.input<typeof retryNotificationResponseSchema>;

export const adminPaymentSchema = z.object({
  id: z.guid(),
  buyer_id: z.guid(),
  event_id: z.guid(),
  /** `booking` for free tickets booked without a gateway. */
  provider: z.enum(PAYMENT_PROVIDERS),
  provider_reference: z.string().nullable(),
  status: paymentStatusSchema,
  amount_minor: z.int(),
  currency: z.string(),
  failure_reason: z.string().nullable(),
  created_at: instant,
  paid_at: instant.nullable(),
  expires_at: instant.nullable(),
});
export type AdminPayment = z.input<typeof adminPaymentSchema>;

export const adminPaymentsResponseSchema = listOf("payments", adminPaymentSchema).describe("Payments, newest first.");
export type AdminPaymentsResponse = z.input<typeof adminPaymentsResponseSchema>;
