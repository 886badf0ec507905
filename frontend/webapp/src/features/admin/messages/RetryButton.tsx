import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/Alert";
import { ApiError } from "../../../lib/api/client";
import { apiErrorMessage } from "../../../lib/error-messages";
import { useRetryNotification } from "./use-retry-notification";

/** Retry for a dead message; when its code or link was erased (SECRET_EXPIRED), says what to do instead. */
export function RetryButton({ id }: { id: string }) {
  const { t } = useTranslation();
  const retry = useRetryNotification();
  const expired = retry.error instanceof ApiError && retry.error.code === "SECRET_EXPIRED";
  return (
    <div className="admin-retry">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={retry.isPending || retry.isSuccess}
        aria-busy={retry.isPending}
        onClick={() => retry.mutate(id)}
      >
        {t("admin.messages.retry")}
      </button>
      {retry.isSuccess && <p role="status">{t("admin.messages.retried")}</p>}
      {retry.error && (
        <Alert>
          {apiErrorMessage(t, retry.error)}
          {expired && <> {t("admin.messages.secretExpiredHint")}</>}
        </Alert>
      )}
    </div>
  );
}
