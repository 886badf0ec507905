import jsQR from "jsqr";
import { useCallback, useEffect, useEffectEvent, useRef, useState } from "react";

export type CameraState = "off" | "starting" | "on" | "denied" | "missing" | "unavailable" | "failed";

/** Frames are decoded at this size at most: a QR code held up to a phone fills far more than this. */
const MAX_SIDE = 640;
/** About seven frames a second: quick at the door, and it leaves a phone's main thread time to answer. */
const FRAME_INTERVAL_MS = 140;

/** Why getUserMedia failed, in the terms the page explains. */
function cameraProblem(error: unknown): CameraState {
  const name = error instanceof DOMException ? error.name : "";
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "missing";
  return "failed";
}

/**
 * The camera as a QR scanner: `start()` opens it (the rear camera where there is one) into the video
 * element behind `videoRef`; while it is on, frames are drawn to a canvas and decoded with jsQR (plain
 * JavaScript in the bundle: no worker, no download), and every decoded text goes to `onCode`. Which of
 * them are sent to the server is the caller's choice (ScanGate). The camera is released on `stop()` and
 * when the page goes.
 */
export function useCameraScanner(onCode: (code: string) => void) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>("off");
  const decoded = useEffectEvent(onCode);

  // Counts starts and stops: a camera that opens after its page stopped it (or left) is closed at once.
  const attempt = useRef(0);

  const release = useCallback(() => {
    attempt.current += 1;
    for (const track of streamRef.current?.getTracks() ?? []) track.stop();
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);

  const stop = useCallback(() => {
    release();
    setState("off");
  }, [release]);

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia) {
      // Only secure pages (https, localhost) get a camera.
      setState("unavailable");
      return;
    }
    release();
    const mine = attempt.current;
    setState("starting");
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: "environment" } },
      });
      const video = videoRef.current;
      if (mine !== attempt.current || !video) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      streamRef.current = stream;
      video.srcObject = stream;
      await video.play();
      if (mine === attempt.current) setState("on");
    } catch (error) {
      if (mine !== attempt.current) return;
      release();
      setState(cameraProblem(error));
    }
  }, [release]);

  useEffect(() => release, [release]);

  useEffect(() => {
    if (state !== "on") return;
    const canvas = document.createElement("canvas");
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) return;
    let timer: ReturnType<typeof setTimeout>;
    const frame = () => {
      const video = videoRef.current;
      if (video && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
        const width = Math.round(video.videoWidth * scale);
        const height = Math.round(video.videoHeight * scale);
        if (canvas.width !== width || canvas.height !== height) {
          canvas.width = width;
          canvas.height = height;
        }
        context.drawImage(video, 0, 0, width, height);
        const pixels = context.getImageData(0, 0, width, height);
        // Door codes are dark on light; trying the inverted image too would halve the frame rate.
        const found = jsQR(pixels.data, width, height, { inversionAttempts: "dontInvert" });
        if (found?.data) decoded(found.data);
      }
      timer = setTimeout(frame, FRAME_INTERVAL_MS);
    };
    frame();
    return () => clearTimeout(timer);
  }, [state]);

  return { videoRef, state, start, stop };
}
