import { type ComponentProps, type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";

/** What a field's control needs to be tied to its label, hint and error. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  id?: string;
  className?: string;
  /** The control (input, select, text box), given the id and descriptions it must carry. */
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * The label, error and hint around any one control, wired up for screen readers: the error is read
 * before the hint.
 */
export function FieldFrame({ label, hint, error, optional, id, className, children }: FieldFrameProps) {
  const { t } = useTranslation();
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={className ? `field ${className}` : "field"}>
      <label htmlFor={controlId}>
        {label}
        {optional && <span className="field-optional"> ({t("fields.optional")})</span>}
      </label>
      {children({ id: controlId, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
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
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} id={id} className={className}>
      {(control) =>
        adornment ? (
          <div className="field-control">
            <input {...control} {...input} />
            <span className="field-adornment">{adornment}</span>
          </div>
        ) : (
          <input {...control} {...input} />
        )
      }
    </FieldFrame>
  );
}
