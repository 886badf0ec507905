import { sessionStore } from "../../lib/session-store";

/** Kept out of the last seconds of a code's life: the transfer must reach the server before it expires. */
const MARGIN_MS = 30_000;

interface Held {
  userId: string;
  /** When the code texted to this customer stops working, as the server said. */
  expiresAt: number;
  /** The code, once the server accepted it for a transfer. */
  code?: string;
}

/**
 * The code texted for passing tickets on serves all of the owner's transfers for 10 minutes, so the
 * code a person typed for one transfer is offered again for the next within that time, instead of
 * texting a new one. It is kept in this page's memory only (never storage or the URL), for one
 * customer, until it expires, the server refuses it, a new code is asked for, or the session ends.
 */
export function createTransferCodeMemory(now: () => number = Date.now) {
  let held: Held | null = null;
  return {
    /** A new code was texted to the customer: any earlier one is no longer what they have. */
    texted(userId: string, expiresAt: string) {
      const at = Date.parse(expiresAt);
      held = Number.isFinite(at) ? { userId, expiresAt: at } : null;
    },
    /** The server took `code` for a transfer; it is remembered only if we know when it expires. */
    accepted(userId: string, code: string) {
      if (held?.userId === userId) held = { ...held, code };
    },
    /**
     * The server refused the code offered or typed as wrong: it is not offered again, but the texted
     * code (whose expiry is known) is still the one the person has, so the right one is remembered next.
     */
    refused(userId: string) {
      if (held?.userId === userId) held = { userId, expiresAt: held.expiresAt };
    },
    /** The code still worth offering to `userId`, and until when it works. */
    recall(userId: string): { code: string; expiresAt: Date } | undefined {
      if (!held?.code || held.userId !== userId) return undefined;
      if (held.expiresAt - now() < MARGIN_MS) {
        held = null;
        return undefined;
      }
      return { code: held.code, expiresAt: new Date(held.expiresAt) };
    },
    forget() {
      held = null;
    },
  };
}

export const transferCodeMemory = createTransferCodeMemory();

// Signing out (here or in another tab) forgets it.
sessionStore.subscribe(() => {
  if (sessionStore.get() === null) transferCodeMemory.forget();
});
