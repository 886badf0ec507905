import type { ComponentProps, ReactNode } from "react";
import { FieldFrame } from "../../components/Field";

interface TextAreaFieldProps extends ComponentProps<"textarea"> {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
}

/** A labelled multi-line text box, like `Field`. */
export function TextAreaField({ label, hint, error, optional, id, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} optional={optional} id={id}>
      {(control) => <textarea {...control} className="admin-textarea" {...textarea} />}
    </FieldFrame>
  );
}
