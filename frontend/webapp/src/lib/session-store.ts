import { type AuthTokens, authTokensSchema, type User } from "@ticketrunners/shared";
import type { TokenStore } from "./api/token-store";
import "./zod-config";

export type Session = AuthTokens;

const STORAGE_KEY = "tr.session";

function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Blocked storage: sessions then last until the page is closed.
    return undefined;
  }
}

/**
 * The signed-in session (tokens and user), persisted in localStorage and shared by every tab.
 * React reads it through useSession(); the API client reads and rotates tokens through TokenStore.
 */
export class SessionStore implements TokenStore {
  #session: Session | null;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly storage: Storage | undefined = browserStorage(),
    private readonly key = STORAGE_KEY,
  ) {
    this.#session = this.#read();
    if (typeof window !== "undefined") {
      // Logging in or out in one tab does the same in the others.
      window.addEventListener("storage", (event) => {
        if (event.key === this.key || event.key === null) this.reload();
      });
    }
  }

  /** A stable snapshot for useSyncExternalStore. */
  readonly get = (): Session | null => this.#session;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  tokens() {
    return this.#session ? { access: this.#session.access, refresh: this.#session.refresh } : null;
  }

  reload() {
    const stored = this.#read();
    const changed =
      stored?.access !== this.#session?.access ||
      stored?.refresh !== this.#session?.refresh ||
      JSON.stringify(stored?.user) !== JSON.stringify(this.#session?.user);
    if (changed) this.#set(stored, false);
    return this.tokens();
  }

  save(session: Session) {
    this.#set(session, true);
  }

  setUser(user: User) {
    if (!this.#session || JSON.stringify(this.#session.user) === JSON.stringify(user)) return;
    this.#set({ ...this.#session, user }, true);
  }

  clear() {
    this.#set(null, true);
  }

  #read(): Session | null {
    try {
      const raw = this.storage?.getItem(this.key);
      // Written by this app, but possibly by an older build or by hand: only a whole session counts.
      return raw ? (authTokensSchema.safeParse(JSON.parse(raw)).data ?? null) : null;
    } catch {
      return null;
    }
  }

  #set(session: Session | null, persist: boolean) {
    this.#session = session;
    if (persist) {
      try {
        if (session) this.storage?.setItem(this.key, JSON.stringify(session));
        else this.storage?.removeItem(this.key);
      } catch {
        // Quota or blocked storage: keep the session in memory for this page.
      }
    }
    for (const listener of this.#listeners) listener();
  }
}

export const sessionStore = new SessionStore();
