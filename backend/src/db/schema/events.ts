import { EVENT_STATUSES } from "@ticketrunners/shared";
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, id, instant } from "./columns";

export const events = pgTable(
  "events",
  {
    id: id(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    venue: text("venue").notNull(),
    startsAt: instant("starts_at").notNull(),
    /**
     * `draft` events are the operators' alone; `published` ones are listed and sold until they start.
     * Rows default to published (demo data, data from before the console); the console creates drafts.
     */
    status: text("status", { enum: EVENT_STATUSES }).notNull().default("published"),
    /** IANA zone of the venue: times are shown, and quiet hours kept, as its clocks read them. */
    timezone: text("timezone").notNull().default("Africa/Cairo"),
    /** Whether holders may pass tickets on (and senders change a gift's number). */
    transfersAllowed: boolean("transfers_allowed").notNull().default(true),
    /** Transfers close this many minutes before the start. */
    transferCutoffMinutes: integer("transfer_cutoff_minutes").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    check("events_transfer_cutoff_range", sql`${t.transferCutoffMinutes} >= 0 AND ${t.transferCutoffMinutes} <= 10080`),
  ],
);

export const ticketCategories = pgTable(
  "ticket_categories",
  {
    id: id(),
    eventId: belongsTo("event_id", () => events.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Minor units (piastres for EGP). */
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull().default("EGP"),
    capacity: integer("capacity").notNull(),
    sold: integer("sold").notNull().default(0),
  },
  (t) => [
    index("ticket_categories_event_idx").on(t.eventId),
    check("ticket_categories_not_oversold", sql`${t.sold} >= 0 AND ${t.sold} <= ${t.capacity}`),
  ],
);
