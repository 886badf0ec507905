import type { AdminEvent } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/Alert";
import { apiErrorMessage } from "../../../lib/error-messages";
import { usePublishEvent } from "./use-event-changes";

/** Publish (public list, on sale) or unpublish (its public page is gone; sold tickets stay valid). */
export function PublishControl({ event }: { event: AdminEvent }) {
  const { t } = useTranslation();
  const publish = usePublishEvent(event.id);
  const published = event.status === "published";
  return (
    <div className="admin-publish" data-testid="publish-control">
      <p>{published ? t("admin.publish.publishedNote") : t("admin.publish.draftNote")}</p>
      {!published && event.categories.length === 0 && <p className="field-hint">{t("admin.publish.noCategories")}</p>}
      {publish.error && <Alert>{apiErrorMessage(t, publish.error)}</Alert>}
      <div>
        <button
          type="button"
          className={published ? "button button-secondary" : "button button-primary"}
          disabled={publish.isPending}
          aria-busy={publish.isPending}
          onClick={() => publish.mutate(!published)}
        >
          {published ? t("admin.publish.unpublish") : t("admin.publish.publish")}
        </button>
      </div>
    </div>
  );
}
