import { describe, expect, it } from "vitest";
import { chartDays, MAX_FILLED_DAYS, niceMax } from "./sales-chart";

describe("the tickets-per-day chart", () => {
  it("gives the quiet days between sales a bar of 0, oldest first", () => {
    expect(
      chartDays([
        { date: "2030-05-03", tickets: 4 },
        { date: "2030-05-01", tickets: 2 },
      ]),
    ).toEqual([
      { date: "2030-05-01", tickets: 2 },
      { date: "2030-05-02", tickets: 0 },
      { date: "2030-05-03", tickets: 4 },
    ]);
  });

  it("crosses month and year ends by the calendar", () => {
    const days = chartDays([
      { date: "2030-12-31", tickets: 1 },
      { date: "2031-01-01", tickets: 1 },
    ]);
    expect(days.map((d) => d.date)).toEqual(["2030-12-31", "2031-01-01"]);
  });

  it("shows only the days with sales over a long run", () => {
    const days = chartDays([
      { date: "2030-01-01", tickets: 1 },
      { date: "2030-12-01", tickets: 3 },
    ]);
    expect(days).toHaveLength(2);
    expect(MAX_FILLED_DAYS).toBeGreaterThan(60);
  });

  it("draws nothing without sales", () => {
    expect(chartDays([])).toEqual([]);
  });

  it("rounds the scale up to 1, 2 or 5 of a power of ten", () => {
    expect([0, 1, 2, 3, 7, 10, 11, 45, 51, 180].map(niceMax)).toEqual([1, 1, 2, 5, 10, 10, 20, 50, 100, 200]);
  });
});
