import { useTranslation } from "react-i18next";
import { LtrText } from "../../components/LtrText";
import { REFUSAL_TITLES } from "./scan-words";
import { RECENT_SCANS, resultOf, type Scan } from "./scans";

/** The last scans, newest first: when, what the answer was, which ticket and whose. */
export function RecentScans({ scans, time }: { scans: readonly Scan[]; time: (at: string) => string }) {
  const { t } = useTranslation();
  return (
    <section className="recent-scans" aria-labelledby="recent-scans-title">
      <h2 id="recent-scans-title">{t("checkin.recentTitle")}</h2>
      {scans.length === 0 ? (
        <p className="muted">{t("checkin.recentEmpty")}</p>
      ) : (
        <ol className="recent-scan-list" data-max={RECENT_SCANS}>
          {scans.map((scan) => {
            const { outcome } = scan;
            const result = resultOf(outcome);
            const words =
              outcome.kind === "admitted"
                ? t("checkin.admitted")
                : outcome.kind === "refused"
                  ? t(REFUSAL_TITLES[outcome.refused.result])
                  : t("checkin.failed");
            const number =
              outcome.kind === "admitted"
                ? outcome.admitted.ticket_number
                : outcome.kind === "refused"
                  ? outcome.refused.ticket_number
                  : undefined;
            return (
              <li
                key={scan.id}
                className={`recent-scan recent-${outcome.kind}`}
                data-testid="recent-scan"
                data-result={result}
              >
                <time dateTime={scan.at.toISOString()}>{time(scan.at.toISOString())}</time>
                <span className="recent-scan-result">{words}</span>
                {number && <LtrText className="recent-scan-number">{number}</LtrText>}
                {outcome.kind === "admitted" && <bdi className="recent-scan-name">{outcome.admitted.holder_name}</bdi>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
