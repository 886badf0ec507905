import { type ReactNode, useId } from "react";

export type ResultTone = "pending" | "paid" | "failed" | "cancelled";

const ICONS: Record<Exclude<ResultTone, "pending">, string> = { paid: "✓", failed: "!", cancelled: "×" };

/**
 * The outcome of a payment or a booking, in one card: an icon for its tone, a title, and what to do
 * next. It replaces "Confirming…" in place, so it is announced.
 */
export function ResultCard({
  tone,
  title,
  status,
  busy,
  heading: Heading = "h1",
  testId,
  children,
}: {
  tone: ResultTone;
  title: string;
  /** The machine-readable outcome, for tests (`data-status`). */
  status?: string;
  busy?: boolean;
  /** `h2` where the page already has its own `h1` (the event page). */
  heading?: "h1" | "h2";
  testId: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section
      className={`result-card result-${tone}`}
      aria-labelledby={titleId}
      aria-busy={busy || undefined}
      aria-live="polite"
      data-testid={testId}
      data-status={status}
    >
      <div className="result-icon" aria-hidden="true">
        {tone === "pending" ? <span className="spinner" /> : ICONS[tone]}
      </div>
      <Heading id={titleId}>{title}</Heading>
      {children}
    </section>
  );
}
