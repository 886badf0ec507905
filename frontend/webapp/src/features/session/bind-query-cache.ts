import type { QueryClient } from "@tanstack/react-query";
import type { SessionStore } from "../../lib/session-store";

/**
 * Cached server data belongs to one customer: whenever the signed-in customer changes (log in,
 * log out, a refresh that failed, another tab), drop it so nobody sees the previous person's data.
 */
export function bindSessionToQueryCache(store: SessionStore, queryClient: QueryClient) {
  let userId = store.get()?.user.id ?? null;
  return store.subscribe(() => {
    const next = store.get()?.user.id ?? null;
    if (next === userId) return;
    userId = next;
    queryClient.removeQueries();
  });
}
