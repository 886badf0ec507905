import { useTranslation } from "react-i18next";
import { useCheckinCounts } from "./use-checkin-counts";

/** Admitted / total for the event, and per category. */
export function AdmittedCount({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const counts = useCheckinCounts(eventId);
  if (!counts.data) return null;
  const { admitted, total, by_category } = counts.data;
  return (
    <section className="checkin-counts" data-testid="checkin-counts" data-admitted={admitted} data-total={total}>
      <p className="checkin-counts-main">
        <span>{t("checkin.admittedSoFar")}</span>
        <strong>{t("checkin.countsOf", { admitted, total })}</strong>
      </p>
      {by_category.length > 1 && (
        <details className="checkin-counts-categories">
          <summary>{t("checkin.byCategory")}</summary>
          <ul>
            {by_category.map((category) => (
              <li key={category.name}>
                <bdi>{category.name}</bdi>
                <span>{t("checkin.countsOf", { admitted: category.admitted, total: category.total })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
