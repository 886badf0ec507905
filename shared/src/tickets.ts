import { z } from "zod";
import { errorCodeSchema } from "./errors";

export const claimStatusSchema = z.enum(["pending", "claimed"]);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;
/** The newest message about a ticket on one channel; `none` when nothing was sent on it. */
export const deliveryStatusSchema = z.enum(["queued", "sending", "sent", "failed", "dead", "none"]);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const ticketViewSchema = z
  .object({
    id: z.guid(),
    ticket_number: z.string(),
    status: z.enum(["valid", "used", "refunded"]),
    event: z.object({ id: z.guid(), name: z.string(), venue: z.string(), starts_at: z.iso.datetime() }),
    category: z.object({ id: z.guid(), name: z.string() }),
    price_minor: z.int(),
    currency: z.string(),
    purchased_at: z.iso.datetime(),
    /** Set on owned tickets someone else bought for the caller. */
    purchaser_name: z.string().nullable(),
    assignee: z
      .object({ name: z.string().nullable(), mobile_number: z.string(), email: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: "TicketView", description: "A ticket the caller holds." });
export type TicketView = z.infer<typeof ticketViewSchema>;

export const sentTicketViewSchema = ticketViewSchema
  .extend({
    claim_status: claimStatusSchema,
    claimed_at: z.iso.datetime().nullable(),
    delivery: z.object({ sms: deliveryStatusSchema, email: deliveryStatusSchema }),
  })
  .meta({
    id: "SentTicketView",
    description: "A ticket the caller bought for someone else, with whether it was claimed and delivered.",
  });
export type SentTicketView = z.infer<typeof sentTicketViewSchema>;

export const myTicketsResponseSchema = z
  .object({ owned: z.array(ticketViewSchema), sent: z.array(sentTicketViewSchema) })
  .meta({ id: "MyTickets", description: "The caller's tickets and the ones they gave away." });
export type MyTicketsResponse = z.infer<typeof myTicketsResponseSchema>;

/** GET /users/tickets/{id}/: a given-away ticket carries its claim and delivery status. */
export const myTicketResponseSchema = z
  // The sent view first: a union picks the first that fits, and the plain view would drop its fields.
  .union([sentTicketViewSchema, ticketViewSchema])
  .describe("One ticket, held or given away by the caller.");
export type MyTicketResponse = z.infer<typeof myTicketResponseSchema>;

export const resendClaimResponseSchema = z
  .object({ resent: z.literal(true), expires_at: z.iso.datetime() })
  .describe("A new claim link was sent; every earlier one stopped working.");
export type ResendClaimResponse = z.infer<typeof resendClaimResponseSchema>;

/**
 * GET /users/validate-registration-token/: what a ticket's claim link is for. A link that cannot be
 * used answers 400/404/410 with tokenProblemResponseSchema instead.
 */
export const validateRegistrationTokenResponseSchema = z
  .object({
    valid: z.literal(true),
    /** The number the link was sent to, in E.164: the signup form locks it. */
    phone_number: z.string(),
    ticket_id: z.guid(),
    /** Tickets in that purchase still waiting for this number. */
    ticket_count: z.int(),
    event_name: z.string(),
    purchaser_name: z.string(),
    expires_at: z.iso.datetime(),
  })
  .meta({ id: "ClaimLink", description: "The claim link is usable." });
export type ValidateRegistrationTokenResponse = z.infer<typeof validateRegistrationTokenResponseSchema>;

export const TOKEN_PROBLEM_CODES = ["MISSING_TOKEN", "TOKEN_NOT_FOUND", "TOKEN_EXPIRED", "TOKEN_USED"] as const;
export const tokenProblemCodeSchema = errorCodeSchema.extract(TOKEN_PROBLEM_CODES);
export type TokenProblemCode = z.infer<typeof tokenProblemCodeSchema>;

/** A claim link that cannot be used: 400 MISSING_TOKEN, 404 TOKEN_NOT_FOUND, 410 TOKEN_EXPIRED or TOKEN_USED. */
export const tokenProblemResponseSchema = z
  .object({ valid: z.literal(false), error: z.object({ code: tokenProblemCodeSchema, message: z.string() }) })
  .meta({ id: "TokenProblem", description: "The claim link cannot be used." });
export type TokenProblemResponse = z.infer<typeof tokenProblemResponseSchema>;
