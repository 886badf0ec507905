import type { ReactNode } from "react";
import { NotFoundPage } from "../not-found/NotFoundPage";
import { useIsAdmin } from "./use-is-admin";

/** The console exists for operators only: to anyone else, signed in or not, there is no such page. */
export function RequireAdmin({ children }: { children: ReactNode }) {
  return useIsAdmin() ? children : <NotFoundPage />;
}
