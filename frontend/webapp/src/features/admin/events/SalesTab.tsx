import type { AdminEvent, AdminSales } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../../../lib/format";
import { useLocale } from "../../../lib/use-locale";
import { AdminTable } from "../AdminTable";
import { FigureList } from "../FigureList";
import { QueryState } from "../LoadProblem";
import { seatColumns } from "./Categories";
import { useTabEvent } from "./event-context";
import { SalesChart } from "./SalesChart";
import { useEventSales } from "./use-event-sales";

const PAYMENT_STATUSES = ["paid", "pending", "failed", "expired", "cancelled"] as const;
const TICKET_STATES = ["owned", "waiting", "checked_in"] as const;

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

/** A card of how many are in each state, each entry tagged with its state. */
function CountsCard<K extends string>({
  testId,
  title,
  attribute,
  keys,
  counts,
  label,
}: {
  testId: string;
  title: string;
  attribute: "data-status" | "data-state";
  keys: readonly K[];
  counts: Record<K, number>;
  label: (key: K) => string;
}) {
  const titleId = `admin-${testId}`;
  return (
    <section className="card admin-card" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <FigureList
        className="admin-counts"
        testId={testId}
        figures={keys.map((key) => ({ label: label(key), value: counts[key], data: { [attribute]: key } }))}
      />
    </section>
  );
}

/** The event's sales: per category, payments and tickets by state, and tickets per day. */
export function SalesTab() {
  const { t } = useTranslation();
  const locale = useLocale();
  const event = useTabEvent();
  const sales = useEventSales(event.id);
  if (sales.isPending || sales.isError) return <QueryState query={sales} />;

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
      <FigureList
        className="admin-stats"
        figures={[
          { label: t("admin.sales.ticketsSold"), value: sold, testId: "sales-sold" },
          { label: t("admin.sales.revenue"), value: <bdi>{revenueText}</bdi>, testId: "sales-revenue" },
          { label: t("admin.sales.paidPayments"), value: data.payments.paid, testId: "sales-paid" },
          { label: t("admin.sales.checkedIn"), value: data.tickets.checked_in },
        ]}
      />

      <section className="card admin-card" aria-labelledby="admin-sales-categories">
        <h2 id="admin-sales-categories">{t("admin.sales.byCategory")}</h2>
        <AdminTable
          testId="sales-categories"
          columns={[
            { label: t("admin.category.name") },
            ...seatColumns(t),
            { label: t("admin.sales.revenue"), numeric: true },
          ]}
          foot={
            <tr>
              <th scope="row">{t("admin.sales.total")}</th>
              <td className="admin-number">{sold}</td>
              <td className="admin-number">{held}</td>
              <td className="admin-number">{remaining}</td>
              <td className="admin-number">
                <bdi>{revenueText}</bdi>
              </td>
            </tr>
          }
        >
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
        </AdminTable>
      </section>

      <div className="admin-two">
        <CountsCard
          testId="sales-payments"
          title={t("admin.sales.payments")}
          attribute="data-status"
          keys={PAYMENT_STATUSES}
          counts={data.payments}
          label={(status) => t(`admin.sales.payment_${status}`)}
        />
        <CountsCard
          testId="sales-tickets"
          title={t("admin.sales.ticketsTitle")}
          attribute="data-state"
          keys={TICKET_STATES}
          counts={data.tickets}
          label={(state) => t(`admin.sales.tickets_${state}`)}
        />
      </div>

      <section className="card admin-card" aria-label={t("admin.sales.chartTitle")}>
        <SalesChart perDay={data.per_day} />
      </section>
    </div>
  );
}
