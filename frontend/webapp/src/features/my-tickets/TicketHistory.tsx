import { Trans } from "react-i18next";
import { LtrText } from "../../components/LtrText";
import type { TicketHistoryEntry } from "../../lib/api/types";
import { formatMoment } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { historyNumber, historyWordsKey } from "./history-words";

/** What happened to a ticket, oldest first, each line with when (by the reader's clock). */
export function TicketHistory({ entries }: { entries: TicketHistoryEntry[] }) {
  const locale = useLocale();
  return (
    <ol className="timeline" data-testid="ticket-history">
      {entries.map((entry, index) => (
        // The history only grows at its end, so an entry's place identifies it.
        // biome-ignore lint/suspicious/noArrayIndexKey: entries have no id and never move.
        <li key={index} className="timeline-entry" data-testid="history-entry" data-action={entry.action}>
          <time className="timeline-time" dateTime={entry.at}>
            {formatMoment(entry.at, locale)}
          </time>
          <p className="timeline-text">
            <Trans
              i18nKey={historyWordsKey(entry)}
              values={{ to: historyNumber(entry.to), from: historyNumber(entry.from) }}
              components={{ n: <LtrText data-testid="history-to" />, m: <LtrText data-testid="history-from" /> }}
            />
          </p>
        </li>
      ))}
    </ol>
  );
}
