import { checkinRequestSchema } from "@ticketrunners/shared";
import type { FieldErrors, Resolver } from "react-hook-form";
import { toWesternDigits } from "../../lib/digits";

export interface TypedNumberValues {
  code: string;
}

const codeSchema = checkinRequestSchema.pick({ code: true });

/**
 * Validates a typed ticket number with the server's own rule for `code` (the shared request schema),
 * after turning Arabic-Indic digits into the ones ticket numbers are written in.
 */
export const typedNumberResolver: Resolver<TypedNumberValues> = async (values) => {
  const parsed = codeSchema.safeParse({ code: toWesternDigits(values.code) });
  if (parsed.success) return { values: parsed.data, errors: {} };
  const [issue] = parsed.error.issues;
  const errors: FieldErrors<TypedNumberValues> = {
    code: { type: issue?.code ?? "custom", message: issue?.message ?? "code_invalid" },
  };
  return { values: {}, errors };
};
