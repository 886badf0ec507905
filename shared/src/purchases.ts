import { z } from "zod";
import { email, mobileNumber, personName } from "./accounts";

export const MAX_TICKETS_PER_ITEM = 10;
export const MAX_TICKETS_PER_PURCHASE = 20;

export const assigneeSchema = (region: string) =>
  z.object({
    name: personName.optional(),
    mobile_number: mobileNumber(region),
    email: email.optional(),
  });

/** The body of tickets/book and payments/process: prices never come from the client. */
export const purchaseRequestSchema = (region: string) =>
  z.object({
    event_id: z.uuid(),
    items: z
      .array(
        z
          .object({
            category_id: z.uuid(),
            quantity: z.number().int().min(1).max(MAX_TICKETS_PER_ITEM),
            /** One per ticket; null (or omitted entirely) means the ticket is the buyer's. */
            assignees: z.array(assigneeSchema(region).nullable()).max(MAX_TICKETS_PER_ITEM).optional(),
          })
          .refine((item) => !item.assignees || item.assignees.length === item.quantity, {
            message: "Give one assignee (or null for yourself) per ticket",
            path: ["assignees"],
          }),
      )
      .min(1)
      .max(10)
      .refine((items) => new Set(items.map((i) => i.category_id)).size === items.length, {
        message: "Each category may appear once",
      })
      .refine((items) => items.reduce((n, i) => n + i.quantity, 0) <= MAX_TICKETS_PER_PURCHASE, {
        message: `At most ${MAX_TICKETS_PER_PURCHASE} tickets per purchase`,
      }),
  });

export type PurchaseRequest = z.infer<ReturnType<typeof purchaseRequestSchema>>;

export interface TicketCategoryView {
  id: string;
  name: string;
  price_minor: number;
  currency: string;
  capacity: number;
  remaining: number;
}

export interface EventView {
  id: string;
  name: string;
  description: string;
  venue: string;
  starts_at: string;
  categories: TicketCategoryView[];
}

export type ClaimStatus = "pending" | "claimed";
export type DeliveryStatus = "queued" | "sending" | "sent" | "failed" | "dead" | "none";

export interface TicketView {
  id: string;
  ticket_number: string;
  status: "valid" | "used" | "refunded";
  event: { id: string; name: string; venue: string; starts_at: string };
  category: { id: string; name: string };
  price_minor: number;
  currency: string;
  purchased_at: string;
  /** Set on owned tickets someone else bought for the caller. */
  purchaser_name: string | null;
  assignee: { name: string | null; mobile_number: string; email: string | null } | null;
}

export interface SentTicketView extends TicketView {
  claim_status: ClaimStatus;
  claimed_at: string | null;
  delivery: { sms: DeliveryStatus; email: DeliveryStatus };
}

export interface MyTicketsResponse {
  owned: TicketView[];
  sent: SentTicketView[];
}

/**
 * GET /users/validate-registration-token/: what a ticket's claim link is for. A link that cannot be
 * used answers 400/404/410 instead (`MISSING_TOKEN`, `TOKEN_NOT_FOUND`, `TOKEN_EXPIRED`, `TOKEN_USED`).
 */
export interface ValidateRegistrationTokenResponse {
  valid: true;
  /** The number the link was sent to, in E.164: the signup form locks it. */
  phone_number: string;
  ticket_id: string;
  /** Tickets in that purchase still waiting for this number. */
  ticket_count: number;
  event_name: string;
  purchaser_name: string;
  expires_at: string;
}
