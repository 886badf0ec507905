import { useTranslation } from "react-i18next";
import { AdminTable } from "../AdminTable";
import { FigureList } from "../FigureList";
import { QueryState } from "../LoadProblem";
import { useTabEvent } from "./event-context";
import { useEventCheckin } from "./use-event-checkin";

/** How many of the event's tickets were admitted at the door, in all and per category. */
export function CheckinTab() {
  const { t } = useTranslation();
  const event = useTabEvent();
  const counts = useEventCheckin(event.id);
  if (counts.isPending || counts.isError) return <QueryState query={counts} />;
  const { admitted, total, by_category } = counts.data;
  return (
    <div className="admin-tab-body" data-testid="admin-checkin" data-admitted={admitted} data-total={total}>
      <FigureList
        className="admin-stats"
        figures={[{ label: t("admin.checkin.admitted"), value: t("admin.checkin.of", { admitted, total }) }]}
      />
      {by_category.length > 0 && (
        <AdminTable
          columns={[
            { label: t("admin.category.name") },
            { label: t("admin.checkin.admitted"), numeric: true },
            { label: t("admin.checkin.total"), numeric: true },
            { label: t("admin.checkin.progress"), hidden: true },
          ]}
        >
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
        </AdminTable>
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
