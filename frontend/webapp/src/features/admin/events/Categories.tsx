import type { AdminEvent } from "@ticketrunners/shared";
import type { TFunction } from "i18next";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../../lib/format";
import { useLocale } from "../../../lib/use-locale";
import { AdminTable, type Column } from "../AdminTable";
import { EditCategoryForm, NewCategoryForm } from "./CategoryForm";

/** A category's seats, sold, held by open checkouts and remaining, as the console's tables head them. */
export const seatColumns = (t: TFunction): Column[] => [
  { label: t("admin.category.sold"), numeric: true },
  { label: t("admin.category.held"), numeric: true },
  { label: t("admin.category.remaining"), numeric: true },
];

/** The event's ticket categories with their seats (sold, held by open checkouts, remaining), and adding one. */
export function Categories({ event }: { event: AdminEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [editing, setEditing] = useState<string>();
  return (
    <section className="card admin-card" aria-labelledby="admin-categories-title">
      <h2 id="admin-categories-title">{t("admin.category.title")}</h2>
      {event.categories.length === 0 ? (
        <p className="muted">{t("admin.category.none")}</p>
      ) : (
        <AdminTable
          testId="admin-categories"
          columns={[
            { label: t("admin.category.name") },
            { label: t("admin.category.priceColumn"), numeric: true },
            { label: t("admin.category.capacity"), numeric: true },
            ...seatColumns(t),
            { label: t("admin.category.actions"), hidden: true },
          ]}
        >
          {event.categories.map((category) => (
            <Fragment key={category.id}>
              <tr data-testid="admin-category-row" data-category-id={category.id}>
                <th scope="row">
                  <bdi>{category.name}</bdi>
                </th>
                <td className="admin-number">
                  <bdi>
                    {category.price_minor === 0
                      ? t("common.free")
                      : formatMoney(category.price_minor, category.currency, locale)}
                  </bdi>
                </td>
                <td className="admin-number">{category.capacity}</td>
                <td className="admin-number">{category.sold}</td>
                <td className="admin-number">{category.held}</td>
                <td className="admin-number">{category.remaining}</td>
                <td className="admin-actions">
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    aria-expanded={editing === category.id}
                    onClick={() => setEditing(editing === category.id ? undefined : category.id)}
                  >
                    {t("admin.category.edit")}
                    <span className="visually-hidden"> {category.name}</span>
                  </button>
                </td>
              </tr>
              {editing === category.id && (
                <tr className="admin-edit-row">
                  <td colSpan={7}>
                    <EditCategoryForm category={category} onDone={() => setEditing(undefined)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </AdminTable>
      )}
      <NewCategoryForm eventId={event.id} defaultCurrency={event.categories[0]?.currency} />
    </section>
  );
}
