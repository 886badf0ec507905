import type { FieldError, FieldErrors, FieldValues } from "react-hook-form";

interface Issue {
  path: readonly PropertyKey[];
  code: string;
  message: string;
}

/**
 * A shared schema's refusal as a form's errors: each issue on the field `fieldOf` gives for the head of
 * its path, its message the schema's validation key. The first problem with a field is the one to show.
 */
export function fieldErrorsOf<V extends FieldValues>(
  issues: readonly Issue[],
  fieldOf: (head: PropertyKey | undefined) => keyof V & string,
): FieldErrors<V> {
  const errors: Record<string, FieldError> = {};
  for (const issue of issues) {
    errors[fieldOf(issue.path[0])] ??= { type: issue.code, message: issue.message };
  }
  return errors as FieldErrors<V>;
}
