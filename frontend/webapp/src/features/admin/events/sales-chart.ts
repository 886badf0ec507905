/** One bar of the tickets-per-day chart: a day at the venue (YYYY-MM-DD) and the tickets issued on it. */
export interface ChartDay {
  date: string;
  tickets: number;
}

const DAY = 86_400_000;
/** Beyond this many days between the first sale and the last, only the days with sales get a bar. */
export const MAX_FILLED_DAYS = 92;

const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const dateOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

/**
 * The days from the first sale to the last, the quiet ones as 0, so the bars keep time; over a long
 * run (more than MAX_FILLED_DAYS) the days with sales only.
 */
export function chartDays(perDay: readonly ChartDay[]): ChartDay[] {
  const days = perDay.filter((d) => Number.isFinite(dayNumber(d.date))).sort((a, b) => a.date.localeCompare(b.date));
  const first = days[0];
  const last = days.at(-1);
  if (!first || !last) return [];
  const span = dayNumber(last.date) - dayNumber(first.date) + 1;
  if (span > MAX_FILLED_DAYS) return days;
  const byDate = new Map(days.map((d) => [d.date, d.tickets]));
  return Array.from({ length: span }, (_, i) => {
    const date = dateOf(dayNumber(first.date) + i);
    return { date, tickets: byDate.get(date) ?? 0 };
  });
}

/** A round top for the chart's scale: 1, 2, 5, 10, 20, 50… at or above the busiest day. */
export function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) {
    if (value <= step * power) return step * power;
  }
  return 10 * power;
}
