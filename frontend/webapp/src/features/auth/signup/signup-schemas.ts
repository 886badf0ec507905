import { password } from "@ticketrunners/shared";
import { z } from "zod";
import { schemas } from "../../../lib/account-schemas";
import type { FormValidationKey } from "../../../lib/validation-keys";

/** Step 1: the register body as the server checks it; the UI language is sent as it is, not asked. */
export const detailsSchema = schemas.register.omit({ locale: true });
export type Details = z.output<typeof detailsSchema>;

/** Step 3: the password twice. Only the first goes to the server, checked by its own rule. */
export const passwordSchema = z
  .object({ password, password_confirm: z.string() })
  .refine((values) => values.password === values.password_confirm, {
    path: ["password_confirm"],
    message: "password_mismatch" satisfies FormValidationKey,
  });
export type PasswordValues = z.output<typeof passwordSchema>;
