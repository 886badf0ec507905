import { type ComponentProps, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

interface FieldProps extends ComponentProps<"input"> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  /** Shown inside the box at its end, such as a lock on a field that cannot be changed. */
  adornment?: ReactNode;
}

/** A labelled input with its hint and error wired up for screen readers. */
export function Field({ label, hint, error, optional, adornment, id, className, ...input }: FieldProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={inputId}>
        {label}
        {optional && <span className="field-optional"> ({t("fields.optional")})</span>}
      </label>
      {adornment ? (
        <div className="field-control">
          <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
          <span className="field-adornment">{adornment}</span>
        </div>
      ) : (
        <input id={inputId} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
      )}
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
