import { type RefObject, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { CameraState } from "./use-camera-scanner";

const PROBLEMS = {
  denied: "checkin.cameraDenied",
  missing: "checkin.cameraMissing",
  unavailable: "checkin.cameraUnavailable",
  failed: "checkin.cameraFailed",
} as const;

const isProblem = (state: CameraState): state is keyof typeof PROBLEMS => state in PROBLEMS;

/**
 * The camera's picture with a frame to aim at, the button that starts or stops it, and what went wrong.
 * The hint and Stop sit on the picture, so the answer to a scan (just under it) fits a phone's screen
 * with it; starting the camera scrolls the picture to the top for the same reason.
 */
export function CameraScanner({
  videoRef,
  state,
  onStart,
  onStop,
}: {
  videoRef: RefObject<HTMLVideoElement | null>;
  state: CameraState;
  onStart: () => void;
  onStop: () => void;
}) {
  const { t } = useTranslation();
  const section = useRef<HTMLElement>(null);
  const running = state === "on" || state === "starting";

  useEffect(() => {
    if (state === "on") section.current?.scrollIntoView({ block: "start" });
  }, [state]);

  return (
    <section ref={section} className="scanner" aria-labelledby="scanner-title" data-testid="scanner" data-state={state}>
      <h2 id="scanner-title" className="visually-hidden">
        {t("checkin.camera")}
      </h2>
      <div className="scanner-view" hidden={!running}>
        <video ref={videoRef} className="scanner-video" muted playsInline />
        <div className="scanner-frame" aria-hidden="true" />
        <p className="scanner-hint" role="status">
          {state === "starting" ? t("checkin.cameraStarting") : t("checkin.cameraOn")}
        </p>
        <button type="button" className="button button-secondary button-small scanner-stop" onClick={onStop}>
          {t("checkin.stopCamera")}
        </button>
      </div>
      {isProblem(state) && <Alert>{t(PROBLEMS[state])}</Alert>}
      {!running && (
        <button type="button" className="button button-primary button-block" onClick={onStart}>
          {t("checkin.startCamera")}
        </button>
      )}
    </section>
  );
}

function Alert({ children }: { children: string }) {
  return (
    <p className="alert alert-info" role="status">
      {children}
    </p>
  );
}
