import type { AdminEvent, AdminEventCreate } from "@ticketrunners/shared";
import { describe, expect, it } from "vitest";
import { eventChanges, eventResolver, eventValues, newEventValues } from "./event-form";

const resolve = (values: Parameters<typeof eventResolver>[0]) =>
  eventResolver(values, undefined, { fields: {}, shouldUseNativeValidation: false });

/** The body a valid form stands for. */
async function body(values: Parameters<typeof eventResolver>[0]): Promise<AdminEventCreate> {
  const result = await resolve(values);
  if (Object.keys(result.errors).length > 0)
    throw new Error(`the form should be valid: ${JSON.stringify(result.errors)}`);
  return result.values as AdminEventCreate;
}

const EVENT: AdminEvent = {
  id: "0b6f7f9e-4a8e-4f39-9a51-8f0f4b5a1c01",
  name: "Nile Jazz",
  venue: "Cairo Opera House",
  description: "",
  starts_at: "2030-01-15T18:00:00.000Z",
  timezone: "Africa/Cairo",
  status: "draft",
  transfers_allowed: true,
  transfer_cutoff_minutes: 60,
  created_at: "2029-01-01T00:00:00.000Z",
  categories: [],
};

describe("the event form", () => {
  it("sends the venue's wall-clock time as a UTC instant", async () => {
    const result = await resolve({
      ...newEventValues(),
      name: "Nile Jazz",
      venue: "Cairo Opera House",
      starts_local: "2030-01-15T20:00",
    });
    expect(result.errors).toEqual({});
    expect(result.values).toMatchObject({
      starts_at: "2030-01-15T18:00:00.000Z",
      timezone: "Africa/Cairo",
      transfer_cutoff_minutes: 0,
    });
  });

  it("puts each refusal on its field, by the shared schemas' keys", async () => {
    const result = await resolve({
      ...newEventValues(),
      name: "  ",
      venue: "x".repeat(201),
      starts_local: "",
      transfer_cutoff_minutes: "20000",
    });
    expect(result.errors.name?.message).toBe("text_required");
    expect(result.errors.venue?.message).toBe("text_too_long");
    expect(result.errors.starts_local?.message).toBe("required");
    expect(result.errors.transfer_cutoff_minutes?.message).toBe("cutoff_invalid");
  });

  it("refuses a start that is not a date and time, and minutes that are not a whole number", async () => {
    const result = await resolve({
      ...newEventValues(),
      name: "A",
      venue: "B",
      starts_local: "soon",
      transfer_cutoff_minutes: "1.5",
    });
    expect(result.errors.starts_local?.message).toBe("date_invalid");
    expect(result.errors.transfer_cutoff_minutes?.message).toBe("cutoff_invalid");
  });

  it("shows a saved event's start as the venue's clock read it", () => {
    expect(eventValues(EVENT).starts_local).toBe("2030-01-15T20:00");
    expect(eventValues({ ...EVENT, timezone: "Asia/Tokyo" }).starts_local).toBe("2030-01-16T03:00");
  });

  it("sends only what changed, never an unchanged start", async () => {
    const sent = await body({ ...eventValues(EVENT), venue: "Sawy Culturewheel" });
    expect(eventChanges(EVENT, sent)).toEqual({ venue: "Sawy Culturewheel" });
  });

  it("moves the instant when the zone changes and the wall-clock time stays", async () => {
    const sent = await body({ ...eventValues(EVENT), timezone: "Europe/London" });
    expect(eventChanges(EVENT, sent)).toEqual({
      timezone: "Europe/London",
      starts_at: "2030-01-15T20:00:00.000Z",
    });
  });
});
