import { z } from "zod";

/**
 * Why a field was refused, as a key. Shared schemas carry the key as their zod message; the API answers
 * `VALIDATION_ERROR` with `details: [{field, key, message}]` (message in English for API users), and the
 * webapp translates the key, so nothing ever matches English text to find out what went wrong.
 */
export const VALIDATION_MESSAGES = {
  required: "This field is required",
  mobile_invalid: "Enter a valid mobile number",
  otp_format: "The code has 6 digits",
  name_required: "Enter a name",
  name_too_long: "A name has at most 100 characters",
  name_control: "A name cannot contain control characters",
  name_web_address: "A name cannot contain a web address",
  name_email: "A name cannot contain an email address",
  name_phone: "A name cannot contain a phone number",
  email_invalid: "Enter a valid email address",
  email_too_long: "An email address has at most 254 characters",
  locale_invalid: "Choose English or Arabic",
  password_required: "Enter your password",
  password_short: "At least 8 characters",
  password_long: "At most 128 characters",
  token_invalid: "This token is not valid",
  id_invalid: "This is not a valid id",
  quantity_invalid: "Choose between 1 and 10 tickets",
  items_required: "Choose at least one ticket category",
  items_too_many: "At most 10 ticket categories per purchase",
  assignees_count: "Give one assignee (or null for yourself) per ticket",
  categories_unique: "Each category may appear once",
  tickets_too_many: "Too many tickets in one purchase",
  code_invalid: "Scan a ticket's code or type its number",
  text_required: "Fill this in",
  text_too_long: "This is too long",
  text_control: "This cannot contain control characters",
  date_invalid: "Enter a date and time",
  timezone_invalid: "Choose a time zone",
  currency_invalid: "Choose a currency",
  price_invalid: "Enter a price of 0 or more",
  capacity_invalid: "Enter a number of seats of 0 or more",
  cutoff_invalid: "Enter between 0 minutes and 7 days",
  role_invalid: "Choose customer, staff or admin",
  invalid: "This value is not valid",
} as const;

export type ValidationKey = keyof typeof VALIDATION_MESSAGES;

export const validationKeySchema = z.enum(Object.keys(VALIDATION_MESSAGES) as [ValidationKey, ...ValidationKey[]]);

export const isValidationKey = (value: unknown): value is ValidationKey =>
  typeof value === "string" && Object.hasOwn(VALIDATION_MESSAGES, value);

/**
 * The `error` of a field's base type: a missing value is `required`, a value of the wrong type (a number
 * where text belongs) gets the field's own key.
 */
export const typeError =
  (key: ValidationKey) =>
  (issue: { input?: unknown }): ValidationKey =>
    issue.input === undefined ? "required" : key;
