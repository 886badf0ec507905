import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { isNotFound } from "../lib/api/not-found";
import { apiErrorMessage } from "../lib/error-messages";

/** The words of a page about one record (an event, a ticket) for when it cannot be shown. */
export interface RecordProblemWords {
  missingTitle: string;
  missingBody: string;
  failedTitle: string;
  retry: string;
  back: string;
}

/**
 * A page whose record could not be loaded: gone, or failed (then with a retry), and the way back
 * either way.
 */
export function RecordProblem({
  query,
  words,
  backTo,
  titleId,
  testId,
}: {
  query: { error: unknown; refetch: () => unknown };
  words: RecordProblemWords;
  backTo: string;
  titleId: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const missing = isNotFound(query.error);
  return (
    <section className="page page-centered" aria-labelledby={titleId} data-testid={testId}>
      <h1 id={titleId}>{missing ? words.missingTitle : words.failedTitle}</h1>
      <p className="lead">{missing ? words.missingBody : apiErrorMessage(t, query.error)}</p>
      {!missing && (
        <button type="button" className="button button-secondary" onClick={() => query.refetch()}>
          {words.retry}
        </button>
      )}
      <Link to={backTo} className="button button-primary">
        {words.back}
      </Link>
    </section>
  );
}
