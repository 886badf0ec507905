import { type AdminEvent, type AdminEventCreate, MAX_TRANSFER_CUTOFF_MINUTES } from "@ticketrunners/shared";
import { useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Alert } from "../../../components/Alert";
import { Field } from "../../../components/Field";
import { SubmitButton } from "../../../components/SubmitButton";
import { apiErrorMessage, fieldErrorMessage } from "../../../lib/error-messages";
import { formatEventDateLong } from "../../../lib/format";
import { useLocale } from "../../../lib/use-locale";
import { ChoiceField } from "../ChoiceField";
import { TextAreaField } from "../TextAreaField";
import { fromZonedInput, readerTimeZone, timeZoneChoices } from "../zoned-time";
import { type EventValues, eventResolver } from "./event-form";

/**
 * Name, venue, description, the start as the venue's clock reads it in the chosen zone (sent as a UTC
 * instant), and whether and until when tickets may change hands. Validated with the server's schema.
 */
export function EventForm({
  defaultValues,
  submitLabel,
  pending,
  error,
  saved,
  onSubmit,
}: {
  defaultValues: EventValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  saved?: boolean;
  onSubmit: (body: AdminEventCreate) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useForm<EventValues, unknown, AdminEventCreate>({ resolver: eventResolver, defaultValues });
  const { errors, isDirty } = form.formState;
  const [startsLocal, timezone] = useWatch({ control: form.control, name: ["starts_local", "timezone"] });
  const zones = useMemo(
    () => timeZoneChoices(defaultValues.timezone).map((zone) => ({ value: zone, label: zone })),
    [defaultValues.timezone],
  );
  // What the typed time is on the operator's own clock, when that is another zone.
  const instant = startsLocal ? fromZonedInput(startsLocal, timezone) : undefined;
  const reader = readerTimeZone();
  const onReaderClock = instant && reader !== timezone ? formatEventDateLong(instant, locale, reader) : undefined;

  return (
    <form noValidate className="admin-form" data-testid="event-form" onSubmit={form.handleSubmit(onSubmit)}>
      {error !== null && error !== undefined && <Alert>{apiErrorMessage(t, error)}</Alert>}
      {saved && !isDirty && <Alert tone="success">{t("admin.eventForm.saved")}</Alert>}
      <Field
        label={t("admin.eventForm.name")}
        error={fieldErrorMessage(t, errors.name)}
        autoComplete="off"
        {...form.register("name")}
      />
      <Field
        label={t("admin.eventForm.venue")}
        error={fieldErrorMessage(t, errors.venue)}
        autoComplete="off"
        {...form.register("venue")}
      />
      <TextAreaField
        label={t("admin.eventForm.description")}
        optional
        rows={4}
        error={fieldErrorMessage(t, errors.description)}
        {...form.register("description")}
      />
      <div className="admin-form-row">
        <Field
          label={t("admin.eventForm.startsAt")}
          type="datetime-local"
          dir="ltr"
          error={fieldErrorMessage(t, errors.starts_local)}
          hint={
            onReaderClock
              ? t("admin.eventForm.startsAtHintReader", { zone: timezone, reader, time: onReaderClock })
              : t("admin.eventForm.startsAtHint", { zone: timezone })
          }
          {...form.register("starts_local")}
        />
        <ChoiceField
          label={t("admin.eventForm.timezone")}
          hint={t("admin.eventForm.timezoneHint")}
          error={fieldErrorMessage(t, errors.timezone)}
          options={zones}
          dir="ltr"
          {...form.register("timezone")}
        />
      </div>
      <fieldset className="admin-fieldset">
        <legend>{t("admin.eventForm.transfers")}</legend>
        <label className="admin-checkbox">
          <input type="checkbox" {...form.register("transfers_allowed")} />
          <span>{t("admin.eventForm.transfersAllowed")}</span>
        </label>
        <Field
          label={t("admin.eventForm.cutoff")}
          inputMode="numeric"
          dir="ltr"
          className="admin-field-short"
          error={fieldErrorMessage(t, errors.transfer_cutoff_minutes)}
          hint={t("admin.eventForm.cutoffHint", { max: MAX_TRANSFER_CUTOFF_MINUTES })}
          {...form.register("transfer_cutoff_minutes")}
        />
      </fieldset>
      <SubmitButton pending={pending} className="button button-primary">
        {submitLabel}
      </SubmitButton>
    </form>
  );
}

/** The form's values for an event as saved (to start the edit form again from the server's answer). */
export const eventFormKey = (event: AdminEvent) =>
  [
    event.id,
    event.name,
    event.venue,
    event.description,
    event.starts_at,
    event.timezone,
    event.transfers_allowed,
    event.transfer_cutoff_minutes,
  ].join("|");
