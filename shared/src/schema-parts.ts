import { z } from "zod";

/** An answer that lists things under one name: `{ [key]: item[] }`. */
export const listOf = <Key extends string, Item extends z.ZodType>(key: Key, item: Item) =>
  z.object({ [key]: z.array(item) } as { [K in Key]: z.ZodArray<Item> });

/** What a ticket category is, as the public and the operators see it alike. */
export const categoryViewFields = {
  name: z.string(),
  price_minor: z.int(),
  currency: z.string(),
  capacity: z.int(),
};
