import type { AuthTokens } from "@ticketrunners/shared";

/** An access token and the refresh token that renews it. */
export interface TokenPair {
  access: string;
  refresh: string;
}

/**
 * Where the client keeps the signed-in session. It is its own module so that the client and the session
 * store (which implements it over localStorage) both depend on it, not on each other.
 */
export interface TokenStore {
  tokens(): TokenPair | null;
  /** Re-reads persisted tokens, which another tab may have rotated. */
  reload(): TokenPair | null;
  save(session: AuthTokens): void;
  clear(): void;
}
