import type { ComponentProps } from "react";
import { type FieldValues, get, type Path, type RegisterOptions, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { fieldErrorMessage } from "../lib/error-messages";
import { Field } from "./Field";

/** What a field needs of its form; a form of any resolver output will do. */
export type BoundForm<T extends FieldValues> = Pick<UseFormReturn<T>, "register" | "formState">;

export type FormFieldProps<T extends FieldValues> = Omit<ComponentProps<typeof Field>, "name" | "error" | "form"> & {
  form: BoundForm<T>;
  name: Path<T>;
  rules?: RegisterOptions<T, Path<T>>;
};

/** A Field registered with a react-hook-form form, showing that field's validation message. */
export function FormField<T extends FieldValues>({ form, name, rules, ...field }: FormFieldProps<T>) {
  const { t } = useTranslation();
  return (
    <Field error={fieldErrorMessage(t, get(form.formState.errors, name))} {...field} {...form.register(name, rules)} />
  );
}
