import {
  type AdminEvent,
  type AdminEventCreate,
  type AdminEventUpdate,
  adminEventCreateSchema,
  DEFAULT_TIME_ZONE,
} from "@ticketrunners/shared";
import type { Resolver } from "react-hook-form";
import { toWesternDigits } from "../../../lib/digits";
import { fieldErrorsOf } from "../../../lib/field-errors";
import { fromZonedInput, toZonedInput } from "../zoned-time";

/** The event form as typed: the start is the venue's wall-clock time in the chosen zone. */
export interface EventValues {
  name: string;
  venue: string;
  description: string;
  /** `datetime-local`: "2030-05-01T20:00", read in `timezone`. */
  starts_local: string;
  timezone: string;
  transfers_allowed: boolean;
  transfer_cutoff_minutes: string;
}

export const newEventValues = (): EventValues => ({
  name: "",
  venue: "",
  description: "",
  starts_local: "",
  timezone: DEFAULT_TIME_ZONE,
  transfers_allowed: true,
  transfer_cutoff_minutes: "0",
});

export const eventValues = (event: AdminEvent): EventValues => ({
  name: event.name,
  venue: event.venue,
  description: event.description,
  starts_local: toZonedInput(event.starts_at, event.timezone),
  timezone: event.timezone,
  transfers_allowed: event.transfers_allowed,
  transfer_cutoff_minutes: String(event.transfer_cutoff_minutes),
});

/** A whole number typed in any digits, NaN for anything else (the schema then names the field). */
export function wholeNumber(typed: string): number | undefined {
  const text = toWesternDigits(typed).trim();
  if (text === "") return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * The body the form stands for. An unreadable start is sent to the schema as text it refuses
 * (`date_invalid`); an empty one as missing (`required`).
 */
export function toEventBody(values: EventValues) {
  const typed = values.starts_local.trim();
  return {
    name: values.name,
    venue: values.venue,
    description: values.description,
    starts_at: typed === "" ? undefined : (fromZonedInput(typed, values.timezone) ?? typed),
    timezone: values.timezone,
    transfers_allowed: values.transfers_allowed,
    transfer_cutoff_minutes: wholeNumber(values.transfer_cutoff_minutes),
  };
}

const FIELDS: Record<string, keyof EventValues> = {
  name: "name",
  venue: "venue",
  description: "description",
  starts_at: "starts_local",
  timezone: "timezone",
  transfers_allowed: "transfers_allowed",
  transfer_cutoff_minutes: "transfer_cutoff_minutes",
};

/** Validates with the server's own create schema, each problem on its field by its key. */
export const eventResolver: Resolver<EventValues, unknown, AdminEventCreate> = async (values) => {
  const parsed = adminEventCreateSchema.safeParse(toEventBody(values));
  if (parsed.success) return { values: parsed.data, errors: {} };
  const errors = fieldErrorsOf<EventValues>(parsed.error.issues, (field) => FIELDS[String(field)] ?? "name");
  return { values: {}, errors };
};

/**
 * What changed, for PATCH: an event that has started refuses any `starts_at` (EVENT_IN_PAST), so an
 * unchanged start is never sent again, nor anything else that did not change.
 */
export function eventChanges(event: AdminEvent, body: AdminEventCreate): AdminEventUpdate {
  const patch: AdminEventUpdate = {};
  if (body.name !== event.name) patch.name = body.name;
  if (body.venue !== event.venue) patch.venue = body.venue;
  if ((body.description ?? "") !== event.description) patch.description = body.description ?? "";
  if (new Date(body.starts_at).getTime() !== new Date(event.starts_at).getTime()) patch.starts_at = body.starts_at;
  if (body.timezone !== event.timezone) patch.timezone = body.timezone;
  if (body.transfers_allowed !== undefined && body.transfers_allowed !== event.transfers_allowed) {
    patch.transfers_allowed = body.transfers_allowed;
  }
  if (body.transfer_cutoff_minutes !== undefined && body.transfer_cutoff_minutes !== event.transfer_cutoff_minutes) {
    patch.transfer_cutoff_minutes = body.transfer_cutoff_minutes;
  }
  return patch;
}
