import type { ComponentProps, ReactNode } from "react";

/** One term and its value in a <dl>, wrapped so the list's grid lays out the pair. */
export function Fact({ term, ...value }: ComponentProps<"dd"> & { term: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd {...value} />
    </div>
  );
}
