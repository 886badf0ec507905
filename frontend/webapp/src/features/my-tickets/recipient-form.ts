import { type Locale, reassignRequestSchema, transferRequestSchema } from "@ticketrunners/shared";
import type { FieldErrors, Resolver } from "react-hook-form";
import type { ReassignRequest, TransferRequest } from "../../lib/api/types";
import { fieldErrorsOf } from "../../lib/field-errors";
import "../../lib/zod-config";

/** Who a ticket goes to, as typed: a mobile number, and optionally a name and an email. */
export interface RecipientValues {
  mobile_number: string;
  name: string;
  email: string;
  /** The language they are written to in, if they have no account yet. */
  locale: Locale;
}

export const emptyRecipient = (locale: Locale, from?: Partial<RecipientValues>): RecipientValues => ({
  mobile_number: "",
  name: "",
  email: "",
  ...from,
  locale,
});

/** The request body the form stands for: blank optional boxes mean "not given", not "invalid". */
export const toAssignee = (values: RecipientValues) => ({
  mobile_number: values.mobile_number,
  name: values.name.trim() || undefined,
  email: values.email.trim() || undefined,
  locale: values.locale,
});

/** The recipient's part of a transfer's body: the shared transfer schema without the code. */
const transferRecipientSchema = (region: string) => transferRequestSchema(region).omit({ otp_code: true });

/**
 * Validates the recipient fields with the server's own body schema (reassign, or transfer without its
 * code) and puts each problem on its field; each message is the shared schema's validation key.
 */
export function recipientResolver(
  purpose: "reassign" | "transfer",
  region: string,
): Resolver<RecipientValues, unknown, ReassignRequest> {
  const schema = purpose === "reassign" ? reassignRequestSchema(region) : transferRecipientSchema(region);
  return async (values) => {
    const parsed = schema.safeParse(toAssignee(values));
    if (parsed.success) return { values: parsed.data, errors: {} };
    const errors = fieldErrorsOf<RecipientValues>(parsed.error.issues, (field) =>
      field === "name" || field === "email" || field === "locale" ? field : "mobile_number",
    );
    return { values: {}, errors };
  };
}

export interface CodeValues {
  otp_code: string;
}

/**
 * The code step of a transfer: the whole body (the recipient already checked, and the code) is
 * validated with the shared transfer schema; the resolver's output is the request body.
 */
export function transferCodeResolver(
  recipient: ReassignRequest,
  region: string,
): Resolver<CodeValues, unknown, TransferRequest> {
  const schema = transferRequestSchema(region);
  return async (values) => {
    const parsed = schema.safeParse({ ...recipient, otp_code: values.otp_code });
    if (parsed.success) return { values: parsed.data, errors: {} };
    // The recipient was validated in the step before; only the code can be wrong here.
    const issue = parsed.error.issues.find((i) => i.path[0] === "otp_code") ?? parsed.error.issues[0];
    const errors: FieldErrors<CodeValues> = { otp_code: { type: issue?.code ?? "custom", message: issue?.message } };
    return { values: {}, errors };
  };
}
