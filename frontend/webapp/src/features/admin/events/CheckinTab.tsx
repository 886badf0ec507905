import { useTranslation } from "react-i18next";
import { LoadProblem } from "../LoadProblem";
import { useTabEvent } from "./event-context";
import { useEventCheckin } from "./use-event-checkin";

/** How many of the event's tickets were admitted at the door, in all and per category. */
export function CheckinTab() {
  const { t } = useTranslation();
  const event = useTabEvent();
  const counts = useEventCheckin(event.id);
  if (counts.isPending) return <p className="page-loading">{t("common.loading")}</p>;
  if (counts.isError) return <LoadProblem error={counts.error} onRetry={() => counts.refetch()} />;
  const { admitted, total, by_category } = counts.data;
  return (
    <div className="admin-tab-body" data-testid="admin-checkin" data-admitted={admitted} data-total={total}>
      <dl className="admin-stats">
        <div>
          <dt>{t("admin.checkin.admitted")}</dt>
          <dd>{t("admin.checkin.of", { admitted, total })}</dd>
        </div>
      </dl>
      {by_category.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t("admin.category.name")}</th>
                <th scope="col" className="admin-number">
                  {t("admin.checkin.admitted")}
                </th>
                <th scope="col" className="admin-number">
                  {t("admin.checkin.total")}
                </th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.checkin.progress")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {by_category.map((category) => (
                <tr key={category.name}>
                  <th scope="row">
                    <bdi>{category.name}</bdi>
                  </th>
                  <td className="admin-number">{category.admitted}</td>
                  <td className="admin-number">{category.total}</td>
                  <td>
                    <progress
                      className="admin-progress"
                      max={Math.max(1, category.total)}
                      value={category.admitted}
                      aria-label={t("admin.checkin.progressOf", { name: category.name })}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={counts.isFetching}
          onClick={() => counts.refetch()}
        >
          {t("admin.checkin.refresh")}
        </button>
      </div>
    </div>
  );
}
