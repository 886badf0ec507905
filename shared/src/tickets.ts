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
    event: z.object({
      id: z.guid(),
      name: z.string(),
      venue: z.string(),
      starts_at: z.iso.datetime(),
      /** IANA time zone of the venue: times are shown as its clocks read them. */
      timezone: z.string(),
    }),
    category: z.object({ id: z.guid(), name: z.string() }),
    price_minor: z.int(),
    currency: z.string(),
    purchased_at: z.iso.datetime(),
    /** Set on owned tickets someone else bought for the caller. */
    purchaser_name: z.string().nullable(),
    assignee: z
      .object({ name: z.string().nullable(), mobile_number: z.string(), email: z.string().nullable() })
      .nullable(),
    /** Whether the holder may pass it on now (the event allows transfers, the window is open, it is unused). */
    transfer_open: z.boolean(),
    /**
     * What the holder shows at the door (as a QR code with the ticket number under it): signed, and
     * replaced at every change of holder. Only the holder of a valid ticket ever receives one.
     */
    door_code: z.string().nullable(),
  })
  .meta({ id: "TicketView", description: "A ticket the caller holds." });
export type TicketView = z.infer<typeof ticketViewSchema>;

export const sentTicketViewSchema = ticketViewSchema
  .extend({
    /** `purchase`: bought for them; `transfer`: the caller passed on a ticket they held. */
    given_as: z.enum(["purchase", "transfer"]),
    given_at: z.iso.datetime(),
    claim_status: claimStatusSchema,
    claimed_at: z.iso.datetime().nullable(),
    delivery: z.object({ sms: deliveryStatusSchema, email: deliveryStatusSchema }),
  })
  .meta({
    id: "SentTicketView",
    description:
      "A ticket the caller gave someone (bought for them, or passed on), with whether it was claimed and delivered. " +
      "While it is pending the caller may change the number, cancel the gift or send the link again.",
  });
export type SentTicketView = z.infer<typeof sentTicketViewSchema>;

export const myTicketsResponseSchema = z
  .object({ owned: z.array(ticketViewSchema), sent: z.array(sentTicketViewSchema) })
  .meta({ id: "MyTickets", description: "The caller's tickets and the ones they gave away." });
export type MyTicketsResponse = z.infer<typeof myTicketsResponseSchema>;

export const TICKET_HISTORY_ACTIONS = [
  "issued",
  "given",
  "claimed",
  "reassigned",
  "gift_cancelled",
  "transferred",
  "reminded",
  "checked_in",
] as const;

/**
 * One thing that happened to a ticket. `to` is the number it went to (given, reassigned, transferred,
 * reminded) and `from` the number it left (reassigned); numbers other than the caller's own are masked.
 */
export const ticketHistoryEntrySchema = z
  .object({
    at: z.iso.datetime(),
    action: z.enum(TICKET_HISTORY_ACTIONS),
    to: z.string().nullable(),
    from: z.string().nullable(),
  })
  .meta({ id: "TicketHistoryEntry" });
export type TicketHistoryEntry = z.infer<typeof ticketHistoryEntrySchema>;

const history = { history: z.array(ticketHistoryEntrySchema).describe("Oldest first.") };

/** GET /users/tickets/{id}/: a given-away ticket carries its claim and delivery status; both their history. */
export const myTicketResponseSchema = z
  // The sent view first: a union picks the first that fits, and the plain view would drop its fields.
  .union([sentTicketViewSchema.extend(history), ticketViewSchema.extend(history)])
  .describe("One ticket, held or given away by the caller, with its history.");
export type MyTicketResponse = z.infer<typeof myTicketResponseSchema>;

/** POST /users/tickets/{id}/reassign/: the sent view; reassigning to the sender's own number is a cancel. */
export const reassignResponseSchema = z
  .union([sentTicketViewSchema, ticketViewSchema])
  .describe("The ticket now waiting for (or held by) the new number; the caller's own again after a cancel.");
export type ReassignResponse = z.infer<typeof reassignResponseSchema>;

/** POST /users/tickets/transfer-code/ */
export const transferCodeResponseSchema = z
  .object({ sent: z.literal(true), expires_at: z.iso.datetime() })
  .describe("A code was texted to the caller's own number; it serves their transfers until it expires.");
export type TransferCodeResponse = z.infer<typeof transferCodeResponseSchema>;

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
