import { useQueryClient } from "@tanstack/react-query";
import type { AuthTokens } from "@ticketrunners/shared";
import { useCallback, useSyncExternalStore } from "react";
import { sessionStore } from "../../lib/session-store";
import { meQueryKey } from "./use-me";

export function useSession() {
  const session = useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get);
  const queryClient = useQueryClient();

  const signIn = useCallback(
    (tokens: AuthTokens) => {
      sessionStore.save(tokens);
      queryClient.setQueryData(meQueryKey, tokens.user);
    },
    [queryClient],
  );

  // There is no server-side logout in the API: dropping the tokens ends the session on this device.
  const signOut = useCallback(() => sessionStore.clear(), []);

  return { session, user: session?.user ?? null, isSignedIn: session !== null, signIn, signOut };
}
