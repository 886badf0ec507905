import type { User } from "@ticketrunners/shared";
import { useCurrentUser } from "./use-me";

/** Door staff and operators check tickets in. */
export const canCheckIn = (role: User["role"] | undefined) => role === "staff" || role === "admin";

/**
 * Whether the signed-in person may check tickets in, by what the server said last (the me query, or the
 * session's copy until it answers). The server checks again on every call: this only shows the way.
 */
export function useCanCheckIn(): boolean {
  return canCheckIn(useCurrentUser()?.role);
}
