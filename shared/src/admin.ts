import { z } from "zod";
import { eventViewSchema, ticketCategoryViewSchema } from "./events";
import { MAX_TRANSFER_CUTOFF_MINUTES } from "./limits";
import { ROLES } from "./roles";
import { listOf } from "./schema-parts";
import { userSchema } from "./sessions";
import { typeError } from "./validation";

// The operator console's API (/api/v1/admin/…): events and their categories, sales, attendees,
// customers and the audit log. Admins only; every change is written to the audit log.

const CONTROL = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const text = (max: number) =>
  z
    .string({ error: typeError("text_required") })
    .trim()
    .min(1, "text_required")
    .max(max, "text_too_long")
    .refine((v) => v.length > max || !CONTROL.test(v), "text_control");

const supported = (kind: "timeZone" | "currency") => {
  try {
    return new Set(Intl.supportedValuesOf(kind));
  } catch {
    return new Set<string>();
  }
};
const TIME_ZONES = supported("timeZone");
const CURRENCIES = supported("currency");

/** An IANA time zone this runtime knows (Africa/Cairo, Europe/London, UTC). */
export const timeZoneSchema = z
  .string({ error: typeError("timezone_invalid") })
  .refine((v) => v === "UTC" || TIME_ZONES.has(v), "timezone_invalid");

/** An ISO 4217 currency code this runtime formats. */
export const currencySchema = z
  .string({ error: typeError("currency_invalid") })
  .refine((v) => CURRENCIES.has(v), "currency_invalid");

/** The largest price a ticket may have, in minor units: above it is a typo, not a ticket. */
export const MAX_PRICE_MINOR = 100_000_000;
export const MAX_CATEGORY_CAPACITY = 1_000_000;

export const EVENT_STATUSES = ["draft", "published"] as const;

const eventFields = {
  name: text(200),
  venue: text(200),
  description: z.string({ error: typeError("text_too_long") }).max(5_000, "text_too_long"),
  /** UTC instant (with offset) of the start; the console enters it in the event's time zone. */
  starts_at: z.iso.datetime({ offset: true, error: typeError("date_invalid") }),
  timezone: timeZoneSchema,
  transfers_allowed: z.boolean({ error: typeError("invalid") }),
  transfer_cutoff_minutes: z
    .int({ error: typeError("cutoff_invalid") })
    .min(0, "cutoff_invalid")
    .max(MAX_TRANSFER_CUTOFF_MINUTES, "cutoff_invalid"),
};

/** POST /admin/events/: a new event, created as a draft. */
export const adminEventCreateSchema = z.object({
  ...eventFields,
  description: eventFields.description.optional(),
  transfers_allowed: eventFields.transfers_allowed.optional(),
  transfer_cutoff_minutes: eventFields.transfer_cutoff_minutes.optional(),
});
export type AdminEventCreate = z.infer<typeof adminEventCreateSchema>;

/** PATCH /admin/events/{id}/: any of the fields. */
export const adminEventUpdateSchema = z.object(eventFields).partial();
export type AdminEventUpdate = z.infer<typeof adminEventUpdateSchema>;

const categoryFields = {
  name: text(100),
  price_minor: z
    .int({ error: typeError("price_invalid") })
    .min(0, "price_invalid")
    .max(MAX_PRICE_MINOR, "price_invalid"),
  currency: currencySchema,
  capacity: z
    .int({ error: typeError("capacity_invalid") })
    .min(0, "capacity_invalid")
    .max(MAX_CATEGORY_CAPACITY, "capacity_invalid"),
};

/** POST /admin/events/{id}/categories/: price 0 is free (booked without a payment). */
export const adminCategoryCreateSchema = z.object(categoryFields);
export type AdminCategoryCreate = z.infer<typeof adminCategoryCreateSchema>;

/** PATCH /admin/categories/{id}/: a new price applies to new purchases only; the currency stays. */
export const adminCategoryUpdateSchema = z.object(categoryFields).omit({ currency: true }).partial();
export type AdminCategoryUpdate = z.infer<typeof adminCategoryUpdateSchema>;

/** A category's seats as the console counts them. */
const seatCounts = {
  /** Tickets issued (paid or booked), refunded ones not counted. */
  sold: z.int(),
  /** Seats held by open checkouts. */
  held: z.int(),
  remaining: z.int(),
};

/** The public view of a category, with the seats the console counts. */
export const adminCategorySchema = ticketCategoryViewSchema
  .extend({ event_id: z.guid(), ...seatCounts })
  .meta({ id: "AdminCategory" });
export type AdminCategory = z.infer<typeof adminCategorySchema>;

/** The public view of an event, with what only the console sees. */
export const adminEventSchema = eventViewSchema
  .extend({
    status: z.enum(EVENT_STATUSES),
    transfers_allowed: z.boolean(),
    transfer_cutoff_minutes: z.int(),
    created_at: z.iso.datetime(),
    categories: z.array(adminCategorySchema),
  })
  .meta({ id: "AdminEvent", description: "An event in any status, with its categories." });
export type AdminEvent = z.infer<typeof adminEventSchema>;

export const adminEventsResponseSchema = listOf("events", adminEventSchema).describe("Every event, soonest first.");
export type AdminEventsResponse = z.infer<typeof adminEventsResponseSchema>;

export const adminSalesSchema = z
  .object({
    currency: z.string().nullable(),
    categories: z.array(
      z.object({
        id: z.guid(),
        name: z.string(),
        ...seatCounts,
        revenue_minor: z.int(),
      }),
    ),
    payments: z.object({ pending: z.int(), paid: z.int(), failed: z.int(), expired: z.int(), cancelled: z.int() }),
    tickets: z.object({ owned: z.int(), waiting: z.int(), checked_in: z.int() }),
    /** Tickets issued and revenue per day, in the event's time zone (YYYY-MM-DD), oldest first. */
    per_day: z.array(z.object({ date: z.string(), tickets: z.int(), revenue_minor: z.int() })),
  })
  .meta({ id: "AdminSales", description: "An event's sales." });
export type AdminSales = z.infer<typeof adminSalesSchema>;

export const CUSTOMER_STATUSES = ["active", "banned"] as const;

export const adminRoleRequestSchema = z.object({
  role: z.enum(ROLES, { error: typeError("role_invalid") }),
});

/** A user's account as the console sees it: the role is always stored, and a customer may be banned. */
export const adminCustomerSchema = userSchema
  .pick({ id: true, name: true, mobile_number: true, email: true })
  .extend({
    role: z.enum(ROLES),
    status: z.enum(CUSTOMER_STATUSES),
    created_at: z.iso.datetime(),
  })
  .meta({ id: "AdminCustomer" });
export type AdminCustomer = z.infer<typeof adminCustomerSchema>;

export const adminCustomersResponseSchema = z
  .object({ customers: z.array(adminCustomerSchema), next_before: z.iso.datetime().nullable() })
  .describe("Customers, newest first; `next_before` is the cursor of the next page.");
export type AdminCustomersResponse = z.infer<typeof adminCustomersResponseSchema>;

export const adminAuditEntrySchema = z
  .object({
    at: z.iso.datetime(),
    actor_id: z.guid(),
    actor_name: z.string(),
    action: z.string(),
    target_type: z.enum(["event", "category", "customer", "notification"]),
    target_id: z.string(),
    before: z.unknown(),
    after: z.unknown(),
  })
  .meta({ id: "AdminAuditEntry" });
export type AdminAuditEntry = z.infer<typeof adminAuditEntrySchema>;

export const adminAuditResponseSchema = z
  .array(adminAuditEntrySchema)
  .describe("Every admin change, newest first (`?before=` the last entry's `at` for the next page).");
export type AdminAuditResponse = z.infer<typeof adminAuditResponseSchema>;

export const adminAttendeeSchema = z
  .object({
    ticket_id: z.guid(),
    ticket_number: z.string(),
    category: z.string(),
    /** The holder, or for a waiting ticket the name and number it waits for. */
    holder_name: z.string().nullable(),
    holder_mobile: z.string().nullable(),
    state: z.enum(["owned", "waiting"]),
    checked_in_at: z.iso.datetime().nullable(),
  })
  .meta({ id: "AdminAttendee" });
export type AdminAttendee = z.infer<typeof adminAttendeeSchema>;

export const adminAttendeesResponseSchema = z
  .object({ attendees: z.array(adminAttendeeSchema), total: z.int() })
  .describe("A page of an event's attendees (by category, then ticket number), and how many match in all.");
export type AdminAttendeesResponse = z.infer<typeof adminAttendeesResponseSchema>;

/** The attendees CSV's columns, in order: an attendee's fields but its id. */
export const ATTENDEES_CSV_HEADER = adminAttendeeSchema.keyof().exclude(["ticket_id"]).options;
