import { type ComponentProps, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

interface TextAreaFieldProps extends ComponentProps<"textarea"> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

/** A labelled multi-line text box, like `Field`. */
export function TextAreaField({ label, hint, error, optional, id, ...textarea }: TextAreaFieldProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={inputId}>
        {label}
        {optional && <span className="field-optional"> ({t("fields.optional")})</span>}
      </label>
      <textarea
        id={inputId}
        className="admin-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...textarea}
      />
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
