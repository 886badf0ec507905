import type { Locale, User } from "@ticketrunners/shared";
import type { FieldError, FieldErrors, Resolver } from "react-hook-form";
import { schemas } from "../../lib/account-schemas";
import type { UpdateMeRequest } from "../../lib/api/types";

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
  const errors: FieldErrors<AccountValues> = {};
  for (const issue of parsed.error.issues) {
    const [field] = issue.path;
    const name = field === "email" || field === "locale" ? field : "name";
    const error: FieldError = { type: issue.code, message: issue.message };
    errors[name] ??= error;
  }
  return { values: {}, errors };
};
