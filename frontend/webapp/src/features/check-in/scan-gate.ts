/**
 * Decides which codes the camera sees are sent to the server. A camera decodes the same QR code many
 * times a second, and a guest's phone stays in front of it for a while after the answer, so:
 * - one scan at a time, and a pause after each answer (`pauseMs`) so the answer can be read;
 * - the code just scanned is not sent again while it stays in view: only once the camera has not seen
 *   it for `forgetMs` (the guest walked on) does it count as shown again, and `reset()` (the camera
 *   restarted) forgets it at once.
 */
export interface ScanGate {
  /** The camera decoded `code` now: whether to send it. */
  offer(code: string): boolean;
  /** The answer to the code sent last is on screen: the pause starts. */
  done(): void;
  /** Forget everything (the camera was stopped, or the event changed). */
  reset(): void;
}

export function createScanGate(
  { pauseMs = 1000, forgetMs = 2500 }: { pauseMs?: number; forgetMs?: number } = {},
  now: () => number = Date.now,
): ScanGate {
  let busy = false;
  let pausedUntil = 0;
  let last: { code: string; seenAt: number } | null = null;
  return {
    offer(code) {
      const at = now();
      if (last && last.code === code && at - last.seenAt < forgetMs) {
        last.seenAt = at;
        return false;
      }
      if (busy || at < pausedUntil) return false;
      busy = true;
      last = { code, seenAt: at };
      return true;
    },
    done() {
      busy = false;
      pausedUntil = now() + pauseMs;
      if (last) last.seenAt = now();
    },
    reset() {
      busy = false;
      pausedUntil = 0;
      last = null;
    },
  };
}
