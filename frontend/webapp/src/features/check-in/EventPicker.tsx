import { useTranslation } from "react-i18next";
import { LoadError } from "../../components/LoadError";
import { PageLoading } from "../../components/PageLoading";
import { SelectField } from "../../components/SelectField";
import type { EventView } from "../../lib/api/types";
import { formatEventDate } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { useEvent } from "../events/use-event";
import { useDoorEvents } from "./use-door-events";

/**
 * The event being checked in: one that started in the last day, or an upcoming one. The chosen one is
 * in the URL and loaded by its id, so a page left open keeps it.
 */
export function EventPicker({ value, onChange }: { value: string; onChange: (eventId: string) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = useDoorEvents();
  const chosen = useEvent(value);
  const label = (event: EventView) => `${event.name} · ${formatEventDate(event.starts_at, locale, event.timezone)}`;

  const listed = events.data ?? [];
  const choices =
    chosen.data && !listed.some((event) => event.id === chosen.data.id) ? [chosen.data, ...listed] : listed;
  const options = [
    { value: "", label: t("checkin.chooseEvent") },
    ...choices.map((event) => ({ value: event.id, label: label(event) })),
  ];

  if (events.isError)
    return <LoadError query={events} message={t("checkin.eventsLoadError")} retryLabel={t("checkin.retry")} />;
  if (events.isPending) return <PageLoading />;
  if (choices.length === 0) return <p className="muted">{t("checkin.noEvents")}</p>;
  return (
    <SelectField
      name="event"
      label={t("checkin.event")}
      options={options}
      value={choices.some((event) => event.id === value) ? value : ""}
      onChange={(event) => onChange(event.target.value)}
      data-testid="checkin-event"
    />
  );
}
