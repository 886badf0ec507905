import { useTranslation } from "react-i18next";
import { apiErrorMessage } from "../lib/error-messages";
import { Alert } from "./Alert";

/** What could not be loaded and why, with a button that asks again. */
export function LoadError({
  query,
  message,
  retryLabel,
}: {
  query: { error: unknown; refetch: () => unknown };
  message: string;
  retryLabel: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="load-error">
      <Alert>
        {message} {apiErrorMessage(t, query.error)}
      </Alert>
      <button type="button" className="button button-secondary" onClick={() => query.refetch()}>
        {retryLabel}
      </button>
    </div>
  );
}
