import { LOCALES, PAYMENT_PROVIDERS, PAYMENT_STATUSES } from "@ticketrunners/shared";
import { index, integer, jsonb, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { events } from "./events";

export interface PurchaseAssignee {
  name?: string;
  /** E.164 */
  mobile_number: string;
  email?: string;
  /** The language to write to them in when they have no account. */
  locale?: "en" | "ar";
}

export interface PurchaseItem {
  category_id: string;
  quantity: number;
  /** Price per ticket when the purchase was made, in minor units (the server's price, never the client's). */
  unit_price_minor: number;
  /** One entry per ticket: null means the ticket is the buyer's own. */
  assignees: (PurchaseAssignee | null)[];
}

/** `cancelled`: the buyer gave the checkout up before paying; its seats went back on sale. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** One purchase (a "payment transaction"), whether booked directly or paid through a gateway. */
export const payments = pgTable(
  "payments",
  {
    id: id(),
    buyerId: belongsTo("buyer_id", () => customers.id),
    eventId: belongsTo("event_id", () => events.id),
    items: jsonb("items").$type<PurchaseItem[]>().notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: text("currency").notNull(),
    /** `booking` for tickets/book (no gateway), otherwise the gateway that takes the money. */
    provider: text("provider", { enum: PAYMENT_PROVIDERS }).notNull(),
    providerReference: text("provider_reference"),
    status: text("status", { enum: PAYMENT_STATUSES }).notNull().default("pending"),
    /** Language of the buyer's messages (and of messages sent on their behalf). */
    locale: text("locale", { enum: LOCALES }).notNull().default("en"),
    /** Until then the seats stay held for this payment. */
    expiresAt: instant("expires_at"),
    paidAt: instant("paid_at"),
    failureReason: text("failure_reason"),
    createdAt: createdAt(),
    updatedAt: instant("updated_at").notNull().defaultNow(),
  },
  (t) => [
    index("payments_buyer_idx").on(t.buyerId, t.createdAt),
    index("payments_pending_idx").on(t.status, t.expiresAt),
  ],
);

/** Every webhook a gateway sent us, once: a repeated (provider, event id) is a no-op. */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: id(),
    provider: text("provider").notNull(),
    eventId: text("event_id").notNull(),
    paymentId: uuid("payment_id"),
    outcome: text("outcome").notNull(),
    receivedAt: instant("received_at").notNull().defaultNow(),
  },
  (t) => [unique("webhook_events_provider_event_unique").on(t.provider, t.eventId)],
);
