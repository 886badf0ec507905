import { type ComponentProps, type ReactNode, useId } from "react";

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
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  const errorId = error ? `${selectId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...select}>
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
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
