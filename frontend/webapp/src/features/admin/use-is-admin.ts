import { useMe } from "../session/use-me";
import { useSession } from "../session/use-session";

/**
 * Whether the signed-in person runs the platform (role `admin`), by what the server said last (the me
 * query, or the session's copy until it answers). Every admin route checks again: this only shows the way.
 */
export function useIsAdmin(): boolean {
  const { user } = useSession();
  const me = useMe();
  return (me.data?.role ?? user?.role) === "admin";
}
