import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useDocumentTitle } from "../../../lib/use-document-title";
import { EventForm } from "./EventForm";
import { newEventValues } from "./event-form";
import { useCreateEvent } from "./use-event-changes";

/** `/admin/events/new`: a new event, saved as a draft; its categories are added on its own page next. */
export function NewEventPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("admin.newEvent.title"));
  const create = useCreateEvent();
  const navigate = useNavigate();
  return (
    <section className="admin-page" aria-labelledby="admin-new-event-title">
      <Link to="/admin/events" className="back-link">
        {t("admin.event.back")}
      </Link>
      <h1 id="admin-new-event-title">{t("admin.newEvent.title")}</h1>
      <p className="muted">{t("admin.newEvent.lead")}</p>
      <EventForm
        defaultValues={newEventValues()}
        submitLabel={t("admin.newEvent.submit")}
        pending={create.isPending}
        error={create.error}
        onSubmit={(body) =>
          create.mutate(body, { onSuccess: (event) => navigate(`/admin/events/${event.id}`, { replace: true }) })
        }
      />
    </section>
  );
}
