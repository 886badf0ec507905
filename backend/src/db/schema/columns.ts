import { type ReferenceConfig, timestamp, uuid } from "drizzle-orm/pg-core";

// The column kinds every table spells the same way.

/** A row's id: a random UUID the database picks. */
export const id = () => uuid("id").primaryKey().defaultRandom();

/** An instant: stored with its time zone, read as a Date. */
export const instant = (name: string) => timestamp(name, { withTimezone: true });

/** When the row was written. */
export const createdAt = () => instant("created_at").notNull().defaultNow();

/** The row of another table this one always belongs to. */
export const belongsTo = (name: string, target: ReferenceConfig["ref"], actions?: ReferenceConfig["actions"]) =>
  uuid(name).notNull().references(target, actions);
