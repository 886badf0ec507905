import type { ReactNode } from "react";

export interface Figure {
  label: string;
  value: ReactNode;
  testId?: string;
  /** Data attributes on the entry, such as the state it counts. */
  data?: Record<`data-${string}`, string>;
}

/** Named figures, as a description list: the console's headline stats and its counts by state. */
export function FigureList({
  figures,
  className,
  testId,
}: {
  figures: readonly Figure[];
  className: "admin-stats" | "admin-counts";
  testId?: string;
}) {
  return (
    <dl className={className} data-testid={testId}>
      {figures.map(({ label, value, testId: valueTestId, data }) => (
        <div key={label} {...data}>
          <dt>{label}</dt>
          <dd data-testid={valueTestId}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
