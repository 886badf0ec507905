import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { withNext } from "../../lib/safe-next";
import { useSession } from "./use-session";

/** Signed-out visitors go to the login page, and come back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { isSignedIn } = useSession();
  const location = useLocation();
  if (!isSignedIn) return <Navigate to={withNext("/login", `${location.pathname}${location.search}`)} replace />;
  return children;
}
