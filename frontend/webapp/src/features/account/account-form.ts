import type { Locale, User } from "@ticketrunners/shared";
import type { Resolver } from "react-hook-form";
import { schemas } from "../../lib/account-schemas";
import type { UpdateMeRequest } from "../../lib/api/types";
import { fieldErrorsOf } from "../../lib/field-errors";

/** The account form as typed. */
export interface AccountValues {
  name: string;
  email: string;
  locale: Locale;
}

export const accountValues = (user: User): AccountValues => ({
  name: user.name,
  email: user.email ?? "",
  locale: user.locale,
});

/** The PATCH body the form stands for: an emptied email box removes the address (null). */
export const toUpdateMe = (values: AccountValues) => ({
  name: values.name,
  email: values.email.trim() === "" ? null : values.email.trim(),
  locale: values.locale,
});

/** Validates with the server's own body schema (`updateMe`), each problem on its field by its key. */
export const accountResolver: Resolver<AccountValues, unknown, UpdateMeRequest> = async (values) => {
  const parsed = schemas.updateMe.safeParse(toUpdateMe(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors = fieldErrorsOf<AccountValues>(parsed.error.issues, (field) =>
    field === "email" || field === "locale" ? field : "name",
  );
  return { values: {}, errors };
};
