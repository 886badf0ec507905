import type { AdminEvent, AdminSales } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../../lib/format";
import { useLocale } from "../../../lib/use-locale";
import { LoadProblem } from "../LoadProblem";
import { useTabEvent } from "./event-context";
import { SalesChart } from "./SalesChart";
import { useEventSales } from "./use-event-sales";

/** Revenue per currency: an event's categories are usually priced in one, but need not be. */
function revenueByCurrency(event: AdminEvent, sales: AdminSales): [string, number][] {
  const currencyOf = new Map(event.categories.map((c) => [c.id, c.currency]));
  const totals = new Map<string, number>();
  for (const category of sales.categories) {
    const currency = currencyOf.get(category.id) ?? sales.currency ?? "EGP";
    totals.set(currency, (totals.get(currency) ?? 0) + category.revenue_minor);
  }
  return [...totals];
}

/** The event's sales: per category, payments and tickets by state, and tickets per day. */
export function SalesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const event = useTabEvent();
  const sales = useEventSales(event.id);
  if (sales.isPending) return <p className="page-loading">{t("common.loading")}</p>;
  if (sales.isError) return <LoadProblem error={sales.error} onRetry={() => sales.refetch()} />;

  const data = sales.data;
  const currencyOf = new Map(event.categories.map((c) => [c.id, c.currency]));
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  const revenue = revenueByCurrency(event, data);
  const sold = data.categories.reduce((n, c) => n + c.sold, 0);
  const held = data.categories.reduce((n, c) => n + c.held, 0);
  const remaining = data.categories.reduce((n, c) => n + c.remaining, 0);
  const revenueText =
    revenue.length === 0 ? money(0, data.currency ?? "EGP") : revenue.map(([c, n]) => money(n, c)).join(" · ");

  return (
    <div className="admin-tab-body" data-testid="admin-sales">
      <dl className="admin-stats">
        <div>
          <dt>{t("admin.sales.ticketsSold")}</dt>
          <dd data-testid="sales-sold">{sold}</dd>
        </div>
        <div>
          <dt>{t("admin.sales.revenue")}</dt>
          <dd data-testid="sales-revenue">
            <bdi>{revenueText}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("admin.sales.paidPayments")}</dt>
          <dd data-testid="sales-paid">{data.payments.paid}</dd>
        </div>
        <div>
          <dt>{t("admin.sales.checkedIn")}</dt>
          <dd>{data.tickets.checked_in}</dd>
        </div>
      </dl>

      <section className="card admin-card" aria-labelledby="admin-sales-categories">
        <h2 id="admin-sales-categories">{t("admin.sales.byCategory")}</h2>
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="sales-categories">
            <thead>
              <tr>
                <th scope="col">{t("admin.category.name")}</th>
                <th scope="col" className="admin-number">
                  {t("admin.category.sold")}
                </th>
                <th scope="col" className="admin-number">
                  {t("admin.category.held")}
                </th>
                <th scope="col" className="admin-number">
                  {t("admin.category.remaining")}
                </th>
                <th scope="col" className="admin-number">
                  {t("admin.sales.revenue")}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.categories.map((category) => (
                <tr key={category.id} data-testid="sales-category-row" data-category={category.name}>
                  <th scope="row">
                    <bdi>{category.name}</bdi>
                  </th>
                  <td className="admin-number" data-testid="sales-category-sold">
                    {category.sold}
                  </td>
                  <td className="admin-number">{category.held}</td>
                  <td className="admin-number">{category.remaining}</td>
                  <td className="admin-number" data-testid="sales-category-revenue">
                    <bdi>{money(category.revenue_minor, currencyOf.get(category.id) ?? data.currency ?? "EGP")}</bdi>
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t("admin.sales.total")}</th>
                <td className="admin-number">{sold}</td>
                <td className="admin-number">{held}</td>
                <td className="admin-number">{remaining}</td>
                <td className="admin-number">
                  <bdi>{revenueText}</bdi>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
      </section>

      <div className="admin-two">
        <section className="card admin-card" aria-labelledby="admin-sales-payments">
          <h2 id="admin-sales-payments">{t("admin.sales.payments")}</h2>
          <dl className="admin-counts" data-testid="sales-payments">
            {(["paid", "pending", "failed", "expired", "cancelled"] as const).map((status) => (
              <div key={status} data-status={status}>
                <dt>{t(`admin.sales.payment_${status}`)}</dt>
                <dd>{data.payments[status]}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="card admin-card" aria-labelledby="admin-sales-tickets">
          <h2 id="admin-sales-tickets">{t("admin.sales.ticketsTitle")}</h2>
          <dl className="admin-counts" data-testid="sales-tickets">
            {(["owned", "waiting", "checked_in"] as const).map((state) => (
              <div key={state} data-state={state}>
                <dt>{t(`admin.sales.tickets_${state}`)}</dt>
                <dd>{data.tickets[state]}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>

      <section className="card admin-card" aria-label={t("admin.sales.chartTitle")}>
        <SalesChart perDay={data.per_day} />
      </section>
    </div>
  );
}
