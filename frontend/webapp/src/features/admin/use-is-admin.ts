import { useCurrentUser } from "../session/use-me";

/**
 * Whether the signed-in person runs the platform (role `admin`), by what the server said last (the me
 * query, or the session's copy until it answers). Every admin route checks again: this only shows the way.
 */
export function useIsAdmin(): boolean {
  return useCurrentUser()?.role === "admin";
}
