import { useTranslation } from "react-i18next";
import { useParams } from "react-router";
import { PageLoading } from "../../components/PageLoading";
import { RecordProblem } from "../../components/RecordProblem";
import { useDocumentTitle } from "../../lib/use-document-title";
import { EventDetails } from "./EventDetails";
import { useEvent } from "./use-event";

/** An event: when and where, and the booking form. Anyone may look; buying needs an account. */
export function EventPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const event = useEvent(id);
  useDocumentTitle(event.data?.name ?? (event.isError ? t("event.notFoundTitle") : undefined));

  if (event.isPending) return <PageLoading />;

  if (event.isError) {
    const words = {
      missingTitle: t("event.notFoundTitle"),
      missingBody: t("event.notFoundBody"),
      failedTitle: t("events.loadError"),
      retry: t("events.retry"),
      back: t("event.backToEvents"),
    };
    return <RecordProblem query={event} words={words} backTo="/" titleId="event-title" />;
  }

  return (
    <EventDetails
      event={event.data}
      heading={
        <h1 id="event-title">
          <bdi>{event.data.name}</bdi>
        </h1>
      }
    />
  );
}
