import { type ComponentProps, type ReactNode, useId } from "react";

interface SelectFieldProps extends ComponentProps<"select"> {
  name: string;
  label: string;
  hint?: ReactNode;
  options: readonly { value: string; label: string; lang?: string }[];
}

/** A labelled choice with its hint wired up for screen readers, styled as the other fields. */
export function SelectField({ label, hint, options, id, ...select }: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const hintId = hint ? `${selectId}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} aria-describedby={hintId} {...select}>
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
