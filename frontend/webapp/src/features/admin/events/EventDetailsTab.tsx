import { useTranslation } from "react-i18next";
import { Categories } from "./Categories";
import { EventForm, eventFormKey } from "./EventForm";
import { useTabEvent } from "./event-context";
import { eventChanges, eventValues } from "./event-form";
import { useUpdateEvent } from "./use-event-changes";

/** The event's details (only what changed is sent) and its ticket categories. */
export function EventDetailsTab() {
  const { t } = useTranslation();
  const event = useTabEvent();
  const update = useUpdateEvent(event.id);
  return (
    <div className="admin-tab-body">
      <section className="card admin-card" aria-labelledby="admin-event-details">
        <h2 id="admin-event-details">{t("admin.event.detailsTitle")}</h2>
        <EventForm
          // Starts again from the server's answer once saved, so what it shows is what is saved.
          key={eventFormKey(event)}
          defaultValues={eventValues(event)}
          submitLabel={t("admin.event.save")}
          pending={update.isPending}
          error={update.error}
          saved={update.isSuccess}
          onSubmit={(body) => {
            const patch = eventChanges(event, body);
            if (Object.keys(patch).length > 0) update.mutate(patch);
          }}
        />
      </section>
      <Categories event={event} />
    </div>
  );
}
