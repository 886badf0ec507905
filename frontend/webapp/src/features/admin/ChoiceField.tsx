import type { ComponentProps, ReactNode } from "react";
import { FieldFrame } from "../../components/Field";

export interface Choice {
  value: string;
  label: string;
}

interface ChoiceFieldProps extends ComponentProps<"select"> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  /** Options, or groups of them (`<optgroup>`). */
  options: readonly Choice[] | readonly { group: string; options: readonly Choice[] }[];
}

/** A labelled select with its hint and error wired up for screen readers, like `Field`. */
export function ChoiceField({ label, hint, error, options, id, className, ...select }: ChoiceFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} id={id} className={className}>
      {(control) => (
        <select {...control} {...select}>
          {options.map((option) =>
            "group" in option ? (
              <optgroup key={option.group} label={option.group}>
                {option.options.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </optgroup>
            ) : (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ),
          )}
        </select>
      )}
    </FieldFrame>
  );
}
