import { isValidationKey, type ValidationKey } from "@ticketrunners/shared";

/** Checks only the webapp's forms make, so the shared keys do not have them (the server never sees a confirmation). */
export const FORM_VALIDATION_KEYS = ["password_mismatch"] as const;
export type FormValidationKey = (typeof FORM_VALIDATION_KEYS)[number];

/** Every key a form field's error can carry as its message. */
export type FieldErrorKey = ValidationKey | FormValidationKey;

export const isFieldErrorKey = (value: unknown): value is FieldErrorKey =>
  isValidationKey(value) || FORM_VALIDATION_KEYS.some((key) => key === value);
