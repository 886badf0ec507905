import { z } from "zod";
import { categoryViewFields } from "./schema-parts";

export const ticketCategoryViewSchema = z.object({
  id: z.guid(),
  ...categoryViewFields,
  remaining: z.int(),
});
export type TicketCategoryView = z.infer<typeof ticketCategoryViewSchema>;

export const eventViewSchema = z
  .object({
    id: z.guid(),
    name: z.string(),
    description: z.string(),
    venue: z.string(),
    starts_at: z.iso.datetime(),
    /** IANA time zone of the venue: show its times as the venue's clocks read them. */
    timezone: z.string(),
    /** Cheapest first, with what is left of each. */
    categories: z.array(ticketCategoryViewSchema),
  })
  .meta({ id: "EventView", description: "An event with its ticket categories." });
export type EventView = z.infer<typeof eventViewSchema>;

export const eventListSchema = z.array(eventViewSchema).describe("Upcoming events, soonest first.");
