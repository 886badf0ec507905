/**
 * Why a field was refused, as a key. Shared schemas carry the key as their zod message; the API answers
 * `VALIDATION_ERROR` with `details: [{field, key, message}]` (message in English for API users), and the
 * webapp translates the key, so nothing ever matches English text to find out what went wrong.
 */
export const VALIDATION_MESSAGES = {
  mobile_invalid: "Enter a valid mobile number",
  otp_format: "The code has 6 digits",
  name_required: "Enter a name",
  name_too_long: "A name has at most 100 characters",
  name_control: "A name cannot contain control characters",
  name_web_address: "A name cannot contain a web address",
  name_email: "A name cannot contain an email address",
  name_phone: "A name cannot contain a phone number",
  email_invalid: "Enter a valid email address",
  password_short: "At least 8 characters",
  password_long: "At most 128 characters",
  assignees_count: "Give one assignee (or null for yourself) per ticket",
  categories_unique: "Each category may appear once",
  tickets_too_many: "Too many tickets in one purchase",
  invalid: "This value is not valid",
} as const;

export type ValidationKey = keyof typeof VALIDATION_MESSAGES;

export const isValidationKey = (value: unknown): value is ValidationKey =>
  typeof value === "string" && Object.hasOwn(VALIDATION_MESSAGES, value);
