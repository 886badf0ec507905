import type { ReactNode } from "react";
import { Trans, useTranslation } from "react-i18next";
import { LtrText } from "../../components/LtrText";
import { apiErrorMessage } from "../../lib/error-messages";
import { refusalWords } from "./scan-words";
import { resultOf, type Scan, type ScanOutcome } from "./scans";

/**
 * The answer to the latest scan, large enough to read at arm's length: green with the holder's name
 * and category, or red with why not. Announced as it changes.
 */
export function ScanAnswer({
  scan,
  checking,
  time,
}: {
  scan: Scan | undefined;
  checking: boolean;
  /** A moment as the event's clock reads it. */
  time: (at: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <div className="scan-answer-region" aria-live="assertive" aria-atomic="true" aria-busy={checking || undefined}>
      {scan ? (
        <Answer key={scan.id} scan={scan} time={time} />
      ) : (
        checking && <p className="muted">{t("checkin.checking")}</p>
      )}
    </div>
  );
}

function Answer({ scan, time }: { scan: Scan; time: (at: string) => string }) {
  const { t } = useTranslation();
  const { outcome } = scan;

  if (outcome.kind === "admitted") {
    const { admitted } = outcome;
    return (
      <AnswerCard outcome={outcome} icon="✓" title={t("checkin.admitted")}>
        <p className="scan-answer-name" data-testid="scan-holder">
          <bdi>{admitted.holder_name}</bdi>
        </p>
        <p className="scan-answer-detail">
          <bdi data-testid="scan-category">{admitted.category}</bdi>
          {" · "}
          <LtrText data-testid="scan-ticket-number">{admitted.ticket_number}</LtrText>
        </p>
      </AnswerCard>
    );
  }

  if (outcome.kind === "refused") {
    const { refused } = outcome;
    const words = refusalWords(refused, time);
    return (
      <AnswerCard outcome={outcome} icon="✕" title={t(words.title)}>
        <p className="scan-answer-reason" data-testid="scan-reason">
          <Trans i18nKey={words.reason} values={words.values} components={{ n: <bdi /> }} />
        </p>
        {refused.ticket_number && (
          <p className="scan-answer-detail">
            <LtrText data-testid="scan-ticket-number">{refused.ticket_number}</LtrText>
          </p>
        )}
        <p className="scan-answer-verdict">{t("checkin.doNotAdmit")}</p>
      </AnswerCard>
    );
  }

  return (
    <AnswerCard outcome={outcome} icon="!" title={t("checkin.failed")}>
      <p className="scan-answer-reason" data-testid="scan-reason">
        {apiErrorMessage(t, outcome.error)}
      </p>
    </AnswerCard>
  );
}

/** The coloured card every answer is drawn on, its big sign hidden from screen readers (the title says it). */
function AnswerCard({
  outcome,
  icon,
  title,
  children,
}: {
  outcome: ScanOutcome;
  icon: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <section className={`scan-answer scan-${outcome.kind}`} data-testid="scan-answer" data-result={resultOf(outcome)}>
      <p className="scan-answer-icon" aria-hidden="true">
        {icon}
      </p>
      <h2 className="scan-answer-title">{title}</h2>
      {children}
    </section>
  );
}
