import type { ComponentProps, ReactNode } from "react";
import { FieldFrame } from "./Field";

interface SelectFieldProps extends ComponentProps<"select"> {
  name: string;
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string; lang?: string }[];
}

/** A labelled choice with its hint wired up for screen readers, styled as the other fields. */
export function SelectField({ label, hint, options, id, ...select }: SelectFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} id={id}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) => (
            <option key={option.value} value={option.value} lang={option.lang}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}
