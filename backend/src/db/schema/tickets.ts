import { index, integer, pgTable, text, unique, uuid } from "drizzle-orm/pg-core";
import { belongsTo, createdAt, id, instant } from "./columns";
import { customers } from "./customers";
import { events, ticketCategories } from "./events";
import { payments } from "./payments";

export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    ticketNumber: text("ticket_number").notNull().unique(),
    eventId: belongsTo("event_id", () => events.id),
    categoryId: belongsTo("category_id", () => ticketCategories.id),
    paymentId: belongsTo("payment_id", () => payments.id),
    /** Position in the purchase: (payment, position) is unique, so a purchase's tickets exist once. */
    position: integer("position").notNull(),
    priceMinor: integer("price_minor").notNull(),
    currency: text("currency").notNull(),
    buyerId: belongsTo("buyer_id", () => customers.id),
    /** Null while the ticket waits for a recipient without an account. */
    ownerId: uuid("owner_id").references(() => customers.id),
    assignedName: text("assigned_name"),
    assignedMobile: text("assigned_mobile"),
    assignedEmail: text("assigned_email"),
    status: text("status", { enum: ["valid", "used", "refunded"] })
      .notNull()
      .default("valid"),
    claimedAt: instant("claimed_at"),
    /** Bumped at every change of holder: a door code signed for an older version no longer admits. */
    holderVersion: integer("holder_version").notNull().default(0),
    checkedInAt: instant("checked_in_at"),
    /** The staff member who admitted it. */
    checkedInBy: uuid("checked_in_by").references(() => customers.id),
    createdAt: createdAt(),
  },
  (t) => [
    unique("tickets_payment_position_unique").on(t.paymentId, t.position),
    index("tickets_owner_idx").on(t.ownerId),
    index("tickets_buyer_idx").on(t.buyerId),
    index("tickets_assigned_mobile_idx").on(t.assignedMobile),
  ],
);
