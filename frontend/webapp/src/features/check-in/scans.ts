import type { CheckinAdmitted, CheckinRefusal, CheckinRefused } from "../../lib/api/types";

/** What one scan came to: let them in, do not (and why), or no answer from the server. */
export type ScanOutcome =
  | { kind: "admitted"; admitted: CheckinAdmitted }
  | { kind: "refused"; refused: CheckinRefused }
  | { kind: "failed"; error: unknown };

export interface Scan {
  id: number;
  /** When the answer came (the staff member's clock; shown in the event's time zone). */
  at: Date;
  outcome: ScanOutcome;
}

/** How many scans the page lists. */
export const RECENT_SCANS = 10;

/** The newest scan first, at most RECENT_SCANS. */
export const withScan = (scans: readonly Scan[], scan: Scan): Scan[] => [scan, ...scans].slice(0, RECENT_SCANS);

/** The server's answer as an outcome: its `result` says whether it is an admission. */
export const outcomeOf = (answer: CheckinAdmitted | CheckinRefused): ScanOutcome =>
  answer.result === "admitted" ? { kind: "admitted", admitted: answer } : { kind: "refused", refused: answer };

/**
 * A scanned QR code the server would not even read (empty, or longer than any code of ours): it is
 * not one of our tickets, which is what the server says of any other code that is not ours.
 */
export const notOurs = (): ScanOutcome => ({
  kind: "refused",
  refused: { result: "unknown", error: { code: "UNKNOWN", message: "This is not one of our tickets." } },
});

/** The machine-readable result of an outcome (`data-result`, for tests and styles). */
export const resultOf = (outcome: ScanOutcome): "admitted" | CheckinRefusal | "failed" =>
  outcome.kind === "admitted" ? "admitted" : outcome.kind === "refused" ? outcome.refused.result : "failed";
