import type { en } from "../../i18n/en";
import type { TicketHistoryEntry } from "../../lib/api/types";
import { formatMobileNumber } from "../../lib/phone";

type Action = TicketHistoryEntry["action"];
/** A sentence in `history` (en.ts; ar.ts has the same keys or does not compile). */
type HistoryKey = `history.${keyof typeof en.history}`;

/** The words for each action: plain, with the number it went to, and with the number it left as well. */
export const HISTORY_WORDS: Record<Action, { plain: HistoryKey; to?: HistoryKey; fromTo?: HistoryKey }> = {
  issued: { plain: "history.issued" },
  given: { plain: "history.given", to: "history.givenTo" },
  claimed: { plain: "history.claimed", to: "history.claimedTo" },
  reassigned: { plain: "history.reassigned", to: "history.reassignedTo", fromTo: "history.reassignedFromTo" },
  gift_cancelled: { plain: "history.gift_cancelled", to: "history.gift_cancelledTo" },
  transferred: { plain: "history.transferred", to: "history.transferredTo", fromTo: "history.transferredFromTo" },
  reminded: { plain: "history.reminded", to: "history.remindedTo" },
  checked_in: { plain: "history.checked_in" },
};

/** The sentence for one entry, by which numbers it names. */
export function historyWordsKey(entry: Pick<TicketHistoryEntry, "action" | "to" | "from">): HistoryKey {
  const words = HISTORY_WORDS[entry.action];
  if (entry.from && entry.to && words.fromTo) return words.fromTo;
  if (entry.to && words.to) return words.to;
  return words.plain;
}

const E164 = /^\+\d{8,15}$/;

/**
 * A number as the history gives it: the caller's own in E.164 (spaced as people read it), anyone
 * else's masked by the server (`+20 11 ••• ••58`), shown as it is.
 */
export const historyNumber = (number: string | null) =>
  number === null ? "" : E164.test(number) ? formatMobileNumber(number) : number;
