import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    venue: text("venue").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    /**
     * `draft` events are the operators' alone; `published` ones are listed and sold until they start.
     * Rows default to published (demo data, data from before the console); the console creates drafts.
     */
    status: text("status", { enum: ["draft", "published"] })
      .notNull()
      .default("published"),
    /** IANA zone of the venue: times are shown, and quiet hours kept, as its clocks read them. */
    timezone: text("timezone").notNull().default("Africa/Cairo"),
    /** Whether holders may pass tickets on (and senders change a gift's number). */
    transfersAllowed: boolean("transfers_allowed").notNull().default(true),
    /** Transfers close this many minutes before the start. */
    transferCutoffMinutes: integer("transfer_cutoff_minutes").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("events_transfer_cutoff_range", sql`${t.transferCutoffMinutes} >= 0 AND ${t.transferCutoffMinutes} <= 10080`),
  ],
);

export const ticketCategories = pgTable(
  "ticket_categories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
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
