import { useQuery } from "@tanstack/react-query";
import type { User } from "@ticketrunners/shared";
import { useSyncExternalStore } from "react";
import { me } from "../../lib/api/services/auth";
import { sessionStore } from "../../lib/session-store";

export const meQueryKey = ["users", "me"] as const;

/** The signed-in customer as the server knows them now; the stored copy is kept in step. */
export function useMe() {
  const signedIn = useSyncExternalStore(
    sessionStore.subscribe,
    () => sessionStore.get() !== null,
    () => false,
  );
  return useQuery<User>({
    queryKey: meQueryKey,
    queryFn: async ({ signal }) => {
      const user = await me(signal);
      sessionStore.setUser(user);
      return user;
    },
    enabled: signedIn,
    staleTime: 60_000,
  });
}

/**
 * The signed-in customer by what the server said last: the me query, or the session's copy until it
 * answers; `null` when nobody is signed in.
 */
export function useCurrentUser(): User | null {
  const stored = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get)?.user ?? null;
  const me = useMe();
  return stored && (me.data ?? stored);
}
