import { z } from "zod";

/** The languages the product speaks: the webapp, every SMS and every email. */
export const LOCALES = ["en", "ar"] as const;
export const locale = z.enum(LOCALES);
export type Locale = z.infer<typeof locale>;
