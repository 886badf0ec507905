import type { en } from "../../i18n/en";
import type { CheckinRefusal, CheckinRefused } from "../../lib/api/types";

/** A phrase in `checkin` (en.ts; ar.ts has the same keys or does not compile). */
export type CheckinKey = `checkin.${keyof typeof en.checkin}`;

/** The heading of each refusal: what door staff read at a glance. */
export const REFUSAL_TITLES: Record<CheckinRefusal, CheckinKey> = {
  already_used: "checkin.refused_already_used",
  superseded: "checkin.refused_superseded",
  wrong_event: "checkin.refused_wrong_event",
  not_claimed: "checkin.refused_not_claimed",
  refunded: "checkin.refused_refunded",
  unknown: "checkin.refused_unknown",
};

export interface RefusalWords {
  title: CheckinKey;
  /** A sentence that may name someone (`<n>…</n>`): render it with <Trans>. */
  reason: CheckinKey;
  values: Record<string, string>;
}

/**
 * Why a ticket may not come in, with what the server said about it: when it was checked in and by
 * whom (the time as `time` words it: the event's clock), or which event it is for.
 */
export function refusalWords(refused: CheckinRefused, time: (at: string) => string): RefusalWords {
  const title = REFUSAL_TITLES[refused.result];
  switch (refused.result) {
    case "already_used": {
      const at = refused.checked_in_at;
      if (at && refused.checked_in_by)
        return {
          title,
          reason: "checkin.reason_already_used",
          values: { time: time(at), name: refused.checked_in_by },
        };
      if (at) return { title, reason: "checkin.reason_already_usedAt", values: { time: time(at) } };
      return { title, reason: "checkin.reason_already_usedPlain", values: {} };
    }
    case "wrong_event":
      return refused.event_name
        ? { title, reason: "checkin.reason_wrong_event", values: { event: refused.event_name } }
        : { title, reason: "checkin.reason_wrong_eventPlain", values: {} };
    case "superseded":
      return { title, reason: "checkin.reason_superseded", values: {} };
    case "not_claimed":
      return { title, reason: "checkin.reason_not_claimed", values: {} };
    case "refunded":
      return { title, reason: "checkin.reason_refunded", values: {} };
    case "unknown":
      return { title, reason: "checkin.reason_unknown", values: {} };
  }
}
