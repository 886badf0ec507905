/**
 * Wall-clock times in a named time zone, for the event form: the operator types the venue's date and
 * time (a `datetime-local` value, "2030-05-01T20:00"), the API stores the instant in UTC. Plain Intl,
 * no library: a zone's offset at an instant is what its clock reads then, minus the instant.
 */

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    // Some engines still say 24 for midnight even with h23.
    hour: (parts.hour ?? 0) % 24,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtc = (w: WallClock) => Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds (Cairo in winter: 2 h). */
function offsetAt(instant: number, timeZone: string): number {
  return asUtc(wallClockAt(instant, timeZone)) - Math.floor(instant / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** An instant as the zone's clock reads it, in the `datetime-local` format: "2030-05-01T20:00". */
export function toZonedInput(at: string | Date, timeZone: string): string {
  const w = wallClockAt(new Date(at).getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/**
 * The instant (ISO 8601, UTC) when the zone's clock reads `local` ("2030-05-01T20:00"), or undefined for
 * text that is no such time. A time skipped when the clocks go forward is read with the offset before
 * the change (02:30 on a night that jumps from 02:00 to 03:00 is 03:30); a time that happens twice when
 * they go back is its first occurrence.
 */
export function fromZonedInput(local: string, timeZone: string): string | undefined {
  const match = LOCAL.exec(local.trim());
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wall);
  if (
    month < 1 ||
    month > 12 ||
    hour > 23 ||
    minute > 59 ||
    second > 59 ||
    check.getUTCDate() !== day ||
    check.getUTCMonth() !== month - 1
  ) {
    return undefined;
  }
  try {
    // The offset an hour either side of the guess: the earlier of two readings wins, and a skipped time
    // keeps the offset it had before the jump.
    const before = offsetAt(wall - offsetAt(wall, timeZone) - 3_600_000, timeZone);
    const after = offsetAt(wall - offsetAt(wall, timeZone) + 3_600_000, timeZone);
    const candidates = [wall - before, wall - after].filter(
      (instant) => asUtc(wallClockAt(instant, timeZone)) === wall,
    );
    const instant = candidates.length > 0 ? Math.min(...candidates) : wall - before;
    return new Date(instant).toISOString();
  } catch {
    // An unknown zone: RangeError from Intl.
    return undefined;
  }
}

/** Every IANA zone this browser knows, with UTC, sorted; the event's own one too if it is not among them. */
export function timeZoneChoices(current?: string): string[] {
  let zones: string[] = [];
  try {
    zones = Intl.supportedValuesOf("timeZone");
  } catch {
    zones = [];
  }
  const all = new Set([...zones, "UTC"]);
  if (current) all.add(current);
  return [...all].sort();
}

/** The reader's own zone, to say what an event's time is on their clock. */
export const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
