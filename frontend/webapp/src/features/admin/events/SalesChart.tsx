import type { Locale } from "@ticketrunners/shared";
import { INTL_LOCALES } from "@ticketrunners/shared";
import { useTranslation } from "react-i18next";
import { useLocale } from "../../../lib/use-locale";
import { TableHead } from "../AdminTable";
import { type ChartDay, chartDays, niceMax } from "./sales-chart";

const WIDTH = 600;
const HEIGHT = 160;

const dayFormats = new Map<Locale, Intl.DateTimeFormat>();

/** A venue day (YYYY-MM-DD) as a short date: the date is already the venue's, so it is read in UTC. */
function formatDay(date: string, locale: Locale): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALES[locale], { timeZone: "UTC", day: "numeric", month: "short" });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/**
 * Tickets issued per day at the venue, as bars: inline SVG (presentation attributes and classes only, no
 * inline styles, which the Content-Security-Policy refuses), with the same numbers as a table beside it.
 * Time runs left to right in both languages, as the axis labels under it say.
 */
export function SalesChart({ perDay }: { perDay: readonly ChartDay[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = chartDays(perDay);
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return <p className="muted">{t("admin.sales.chartEmpty")}</p>;
  const busiest = Math.max(...days.map((d) => d.tickets));
  const top = niceMax(busiest);
  const slot = WIDTH / days.length;
  const barWidth = Math.max(1, slot * 0.7);
  const summary = t("admin.sales.chartSummary", {
    from: formatDay(first.date, locale),
    to: formatDay(last.date, locale),
    most: busiest,
  });

  return (
    <figure className="admin-chart" data-testid="sales-chart">
      <figcaption>{t("admin.sales.chartTitle")}</figcaption>
      <div className="admin-chart-body" dir="ltr">
        <span className="admin-chart-top" aria-hidden="true">
          {top}
        </span>
        <svg
          className="admin-chart-svg"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          role="img"
          aria-label={summary}
        >
          <line className="admin-chart-grid" x1={0} x2={WIDTH} y1={0.5} y2={0.5} />
          <line className="admin-chart-grid" x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} />
          <line className="admin-chart-axis" x1={0} x2={WIDTH} y1={HEIGHT - 0.5} y2={HEIGHT - 0.5} />
          {days.map((day, i) => {
            const height = (day.tickets / top) * HEIGHT;
            return (
              <rect
                key={day.date}
                className="admin-chart-bar"
                data-date={day.date}
                data-tickets={day.tickets}
                x={i * slot + (slot - barWidth) / 2}
                y={HEIGHT - height}
                width={barWidth}
                height={height}
              >
                <title>{t("admin.sales.chartBar", { date: formatDay(day.date, locale), count: day.tickets })}</title>
              </rect>
            );
          })}
        </svg>
        <div className="admin-chart-dates" aria-hidden="true">
          <span>{formatDay(first.date, locale)}</span>
          {days.length > 1 && <span>{formatDay(last.date, locale)}</span>}
        </div>
      </div>
      <details className="admin-chart-table">
        <summary>{t("admin.sales.chartAsTable")}</summary>
        <table className="admin-table">
          <TableHead columns={[{ label: t("admin.sales.day") }, { label: t("admin.sales.tickets"), numeric: true }]} />
          <tbody>
            {days
              .filter((d) => d.tickets > 0)
              .map((day) => (
                <tr key={day.date}>
                  <td>{formatDay(day.date, locale)}</td>
                  <td className="admin-number">{day.tickets}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
