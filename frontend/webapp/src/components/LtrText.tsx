import type { ComponentProps } from "react";

/**
 * Phone numbers and codes read left to right even inside Arabic text; isolating them stops the
 * bidi algorithm from reordering their digit groups and the leading "+". Pass it to <Trans> as a
 * component for a number inside a translated sentence (`<n>{{mobile}}</n>`).
 */
export function LtrText({ children, className, ...props }: Omit<ComponentProps<"bdi">, "dir">) {
  return (
    <bdi dir="ltr" className={className ? `ltr-text ${className}` : "ltr-text"} {...props}>
      {children}
    </bdi>
  );
}
