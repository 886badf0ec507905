import type { TFunction } from "i18next";
import type { FieldValues, Path } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { toWesternDigits } from "../lib/digits";
import { FormField, type FormFieldProps } from "./FormField";
import { MobileNumberHint } from "./MobileNumberHint";

/** How each field a customer's details are made of is labelled and typed, unless its form says otherwise. */
const LOOKS = {
  /** Typed left to right in either language, with the hint on the formats we accept. */
  mobile_number: (t: TFunction) => ({
    label: t("fields.mobile_number"),
    hint: <MobileNumberHint />,
    type: "tel",
    autoComplete: "tel",
    dir: "ltr",
  }),
  name: (t: TFunction) => ({ label: t("fields.name"), type: "text", autoComplete: "name" }),
  /** Email is never required of a customer. */
  email: (t: TFunction) => ({
    label: t("fields.email"),
    optional: true,
    type: "email",
    autoComplete: "email",
    dir: "ltr",
  }),
  /** What password managers should fill differs by form: each says its autoComplete. */
  password: (t: TFunction) => ({ label: t("fields.password"), type: "password" }),
  /**
   * The texted code: digits typed in any script are read as western ones, spaces dropped. It takes the
   * focus, since the code is the only thing to do where it shows.
   */
  otp_code: (t: TFunction) => ({
    label: t("fields.otp_code"),
    type: "text",
    inputMode: "numeric",
    autoComplete: "one-time-code",
    dir: "ltr",
    className: "field-otp",
    autoFocus: true,
    rules: { setValueAs: (value: string) => toWesternDigits(value).replace(/\s/g, "") },
  }),
} satisfies Record<string, (t: TFunction) => Omit<FormFieldProps<FieldValues>, "form" | "name">>;

/**
 * One of a customer's fields, under its usual form key unless `name` says another (a row of a list);
 * the label may be reworded where the form speaks of someone else.
 */
export function AccountField<T extends FieldValues>({
  field,
  name,
  label,
  ...props
}: Omit<FormFieldProps<T>, "name" | "label"> & { field: keyof typeof LOOKS; name?: Path<T>; label?: string }) {
  const { t } = useTranslation();
  const look: Omit<FormFieldProps<FieldValues>, "form" | "name"> = LOOKS[field](t);
  return (
    <FormField
      {...(look as Omit<FormFieldProps<T>, "form" | "name">)}
      {...props}
      label={label ?? look.label}
      name={name ?? (field as Path<T>)}
    />
  );
}
