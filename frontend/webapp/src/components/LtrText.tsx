import type { ReactNode } from "react";

/**
 * Phone numbers and codes read left to right even inside Arabic text; isolating them stops the
 * bidi algorithm from reordering their digit groups and the leading "+".
 */
export function LtrText({ children }: { children?: ReactNode }) {
  return (
    <bdi dir="ltr" className="ltr-text">
      {children}
    </bdi>
  );
}
