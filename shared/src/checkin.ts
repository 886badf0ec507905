import { z } from "zod";
import { errorCodeSchema } from "./errors";
import { typeError } from "./validation";

/** POST /checkin/: a door code scanned from a QR code, or a ticket number typed by hand. */
export const checkinRequestSchema = z.object({
  event_id: z.uuid({ error: typeError("id_invalid") }),
  code: z
    .string({ error: typeError("code_invalid") })
    .trim()
    .min(1, "code_invalid")
    .max(200, "code_invalid"),
});
export type CheckinRequest = z.infer<typeof checkinRequestSchema>;

export const CHECKIN_REFUSALS = [
  "already_used",
  "superseded",
  "wrong_event",
  "not_claimed",
  "refunded",
  "unknown",
] as const;
export type CheckinRefusal = (typeof CHECKIN_REFUSALS)[number];

export const checkinAdmittedSchema = z
  .object({
    result: z.literal("admitted"),
    ticket_number: z.string(),
    category: z.string(),
    holder_name: z.string(),
    checked_in_at: z.iso.datetime(),
  })
  .meta({ id: "CheckinAdmitted", description: "Let them in." });
export type CheckinAdmitted = z.infer<typeof checkinAdmittedSchema>;

/**
 * A refused scan: 409 (404 for `unknown`), with `result` beside the usual error (its code is the result
 * in upper snake case) and what door staff need to say why.
 */
export const checkinRefusedSchema = z
  .object({
    result: z.enum(CHECKIN_REFUSALS),
    error: z.object({ code: errorCodeSchema, message: z.string() }),
    ticket_number: z.string().optional(),
    /** already_used: when, and by which staff member. */
    checked_in_at: z.iso.datetime().optional(),
    checked_in_by: z.string().optional(),
    /** wrong_event: the event the ticket is for. */
    event_name: z.string().optional(),
  })
  .meta({ id: "CheckinRefused", description: "Do not let them in, and why." });
export type CheckinRefused = z.infer<typeof checkinRefusedSchema>;

export const checkinCountsSchema = z
  .object({
    admitted: z.int(),
    total: z.int(),
    by_category: z.array(z.object({ name: z.string(), admitted: z.int(), total: z.int() })),
  })
  .meta({ id: "CheckinCounts", description: "How many of an event's tickets were admitted." });
export type CheckinCounts = z.infer<typeof checkinCountsSchema>;
