import { z } from "zod";

const uuid = z.uuid();

/** Whether a value from outside (a gateway's order id, a token's subject) can be one of our ids. */
export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success;
