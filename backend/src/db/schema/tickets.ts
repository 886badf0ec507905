import { index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers";
import { events, ticketCategories } from "./events";
import { payments } from "./payments";

export const tickets = pgTable(
  "tickets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ticketNumber: text("ticket_number").notNull().unique(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id),
    categoryId: uuid("category_id")
      .notNull()
      .references(() => ticketCategories.id),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    /** Position in the purchase: (payment, position) is unique, so a purchase's tickets exist once. */
    position: integer("position").notNull(),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull(),
    buyerId: uuid("buyer_id")
      .notNull()
      .references(() => customers.id),
    /** Null while the ticket waits for a recipient without an account. */
    ownerId: uuid("owner_id").references(() => customers.id),
    assignedName: text("assigned_name"),
    assignedMobile: text("assigned_mobile"),
    assignedEmail: text("assigned_email"),
    status: text("status", { enum: ["valid", "used", "refunded"] })
      .notNull()
      .default("valid"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    /** Bumped at every change of holder: a door code signed for an older version no longer admits. */
    holderVersion: integer("holder_version").notNull().default(0),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }),
    /** The staff member who admitted it. */
    checkedInBy: uuid("checked_in_by").references(() => customers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("tickets_payment_position_unique").on(t.paymentId, t.position),
    index("tickets_owner_idx").on(t.ownerId),
    index("tickets_buyer_idx").on(t.buyerId),
    index("tickets_assigned_mobile_idx").on(t.assignedMobile),
  ],
);
