import { describe, expect, it } from "vitest";
import { fromZonedInput, timeZoneChoices, toZonedInput } from "./zoned-time";

describe("event times typed in the venue's zone", () => {
  it("reads a Cairo evening in winter as two hours ahead of UTC", () => {
    expect(fromZonedInput("2030-01-15T20:00", "Africa/Cairo")).toBe("2030-01-15T18:00:00.000Z");
    expect(toZonedInput("2030-01-15T18:00:00.000Z", "Africa/Cairo")).toBe("2030-01-15T20:00");
  });

  it("follows the zone's summer time", () => {
    expect(fromZonedInput("2030-07-04T19:30", "America/New_York")).toBe("2030-07-04T23:30:00.000Z");
    expect(fromZonedInput("2030-12-04T19:30", "America/New_York")).toBe("2030-12-05T00:30:00.000Z");
    expect(fromZonedInput("2030-07-04T19:30", "Europe/London")).toBe("2030-07-04T18:30:00.000Z");
  });

  it("keeps zones without summer time and half-hour offsets exact", () => {
    expect(fromZonedInput("2030-03-01T09:00", "Asia/Tokyo")).toBe("2030-03-01T00:00:00.000Z");
    expect(fromZonedInput("2030-03-01T09:00", "Asia/Kolkata")).toBe("2030-03-01T03:30:00.000Z");
    expect(fromZonedInput("2030-03-01T09:00", "UTC")).toBe("2030-03-01T09:00:00.000Z");
  });

  it("reads a time skipped by the clocks going forward with the offset before the jump", () => {
    // New York, 10 March 2030: 02:00 EST becomes 03:00 EDT, so 02:30 is 03:30 EDT.
    const instant = fromZonedInput("2030-03-10T02:30", "America/New_York");
    expect(instant).toBe("2030-03-10T07:30:00.000Z");
    expect(toZonedInput(instant ?? "", "America/New_York")).toBe("2030-03-10T03:30");
  });

  it("reads a time that happens twice when the clocks go back as its first occurrence", () => {
    // New York, 3 November 2030: 01:30 EDT (05:30 UTC), then 01:30 EST (06:30 UTC).
    expect(fromZonedInput("2030-11-03T01:30", "America/New_York")).toBe("2030-11-03T05:30:00.000Z");
  });

  it("round-trips every hour of a year in Cairo", () => {
    const start = Date.UTC(2030, 0, 1);
    for (let hour = 0; hour < 365 * 24; hour += 7) {
      const instant = new Date(start + hour * 3_600_000).toISOString();
      const local = toZonedInput(instant, "Africa/Cairo");
      const back = fromZonedInput(local, "Africa/Cairo");
      // Each hour's reading maps back to that hour, or to the first of two identical readings.
      expect(back && toZonedInput(back, "Africa/Cairo")).toBe(local);
    }
  });

  it("refuses text that is no date and time, and an unknown zone", () => {
    expect(fromZonedInput("", "Africa/Cairo")).toBeUndefined();
    expect(fromZonedInput("2030-02-30T10:00", "Africa/Cairo")).toBeUndefined();
    expect(fromZonedInput("2030-13-01T10:00", "Africa/Cairo")).toBeUndefined();
    expect(fromZonedInput("tomorrow", "Africa/Cairo")).toBeUndefined();
    expect(fromZonedInput("2030-01-15T20:00", "Mars/Olympus_Mons")).toBeUndefined();
  });

  it("offers every zone the browser knows, with UTC and Cairo", () => {
    const zones = timeZoneChoices();
    expect(zones).toContain("Africa/Cairo");
    expect(zones).toContain("UTC");
    expect(timeZoneChoices("Etc/GMT+3")).toContain("Etc/GMT+3");
  });
});
