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

  it.each([
    {
      refused: "blank, too long, missing and out of range",
      values: { name: "  ", venue: "x".repeat(201), starts_local: "", transfer_cutoff_minutes: "20000" },
      messages: {
        name: "text_required",
        venue: "text_too_long",
        starts_local: "required",
        transfer_cutoff_minutes: "cutoff_invalid",
      },
    },
    {
      refused: "a start that is not a date and time, and minutes that are not a whole number",
      values: { name: "A", venue: "B", starts_local: "soon", transfer_cutoff_minutes: "1.5" },
      messages: { starts_local: "date_invalid", transfer_cutoff_minutes: "cutoff_invalid" },
    },
  ])("puts each refusal on its field, by the shared schemas' keys: $refused", async ({ values, messages }) => {
    const { errors } = await resolve({ ...newEventValues(), ...values });
    const shown = Object.fromEntries(Object.entries(errors).map(([field, error]) => [field, error?.message]));
    expect(shown).toMatchObject(messages);
  });

  it("shows a saved event's start as the venue's clock read it", () => {
    expect(eventValues(EVENT).starts_local).toBe("2030-01-15T20:00");
    expect(eventValues({ ...EVENT, timezone: "Asia/Tokyo" }).starts_local).toBe("2030-01-16T03:00");
  });

  it.each([
    {
      why: "sends only what changed, never an unchanged start",
      edit: { venue: "Sawy Culturewheel" },
      changes: { venue: "Sawy Culturewheel" },
    },
    {
      why: "moves the instant when the zone changes and the wall-clock time stays",
      edit: { timezone: "Europe/London" },
      changes: { timezone: "Europe/London", starts_at: "2030-01-15T20:00:00.000Z" },
    },
  ])("$why", async ({ edit, changes }) => {
    const sent = await body({ ...eventValues(EVENT), ...edit });
    expect(eventChanges(EVENT, sent)).toEqual(changes);
  });
});
