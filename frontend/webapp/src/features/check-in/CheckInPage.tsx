import { checkinRequestSchema } from "@ticketrunners/shared";
import { useCallback, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { Alert } from "../../components/Alert";
import { PageLoading } from "../../components/PageLoading";
import { isNotFound } from "../../lib/api/not-found";
import { apiErrorMessage } from "../../lib/error-messages";
import { DEFAULT_TIME_ZONE, formatTimeOfDay } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useLocale } from "../../lib/use-locale";
import { useEvent } from "../events/use-event";
import { AdmittedCount } from "./AdmittedCount";
import { CameraScanner } from "./CameraScanner";
import { EventPicker } from "./EventPicker";
import { RecentScans } from "./RecentScans";
import { ScanAnswer } from "./ScanAnswer";
import { createScanGate } from "./scan-gate";
import { notOurs, outcomeOf, type Scan, type ScanOutcome, withScan } from "./scans";
import { TypedNumberForm } from "./TypedNumberForm";
import { useCameraScanner } from "./use-camera-scanner";
import { useCheckIn } from "./use-check-in";

/**
 * `/check-in` (staff and operators): choose the event, then scan door codes with the camera or type
 * ticket numbers. The event is in the URL (`?event=`), so a reload or a second phone opens the same one.
 */
export function CheckInPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("checkin.title"));
  const [searchParams, setSearchParams] = useSearchParams();
  const eventId = searchParams.get("event") ?? "";

  return (
    <section className="page checkin-page" aria-labelledby="checkin-title">
      <h1 id="checkin-title">{t("checkin.title")}</h1>
      <p className="lead">{t("checkin.lead")}</p>
      <EventPicker value={eventId} onChange={(id) => setSearchParams(id ? { event: id } : {}, { replace: true })} />
      {/* A new event starts afresh: its own scans, and the camera asked for again. */}
      {eventId && <CheckInDesk key={eventId} eventId={eventId} />}
    </section>
  );
}

function CheckInDesk({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const event = useEvent(eventId);
  const checkIn = useCheckIn();
  const [scans, setScans] = useState<Scan[]>([]);
  const [gate] = useState(() => createScanGate());
  const lastId = useRef(0);
  const timeZone = event.data?.timezone ?? DEFAULT_TIME_ZONE;
  const time = useCallback((at: string) => formatTimeOfDay(at, locale, timeZone), [locale, timeZone]);

  const { mutateAsync } = checkIn;
  const check = useCallback(
    async (code: string): Promise<ScanOutcome> => {
      const body = checkinRequestSchema.safeParse({ event_id: eventId, code });
      let outcome: ScanOutcome;
      if (!body.success) outcome = notOurs();
      else {
        try {
          outcome = outcomeOf(await mutateAsync(body.data));
        } catch (error) {
          outcome = { kind: "failed", error };
        }
      }
      lastId.current += 1;
      const scan: Scan = { id: lastId.current, at: new Date(), outcome };
      setScans((list) => withScan(list, scan));
      return outcome;
    },
    [eventId, mutateAsync],
  );

  const camera = useCameraScanner((code) => {
    if (!gate.offer(code)) return;
    void check(code).finally(() => gate.done());
  });

  if (event.isError) {
    return <Alert>{isNotFound(event.error) ? t("event.notFoundBody") : apiErrorMessage(t, event.error)}</Alert>;
  }
  if (event.isPending) return <PageLoading />;

  return (
    <div className="checkin-desk" data-testid="checkin-desk" data-event-id={eventId}>
      <AdmittedCount eventId={eventId} />
      <CameraScanner
        videoRef={camera.videoRef}
        state={camera.state}
        onStart={() => {
          gate.reset();
          void camera.start();
        }}
        onStop={camera.stop}
      />
      <ScanAnswer scan={scans[0]} checking={checkIn.isPending} time={time} />
      <TypedNumberForm onCheck={check} />
      <RecentScans scans={scans} time={time} />
    </div>
  );
}
