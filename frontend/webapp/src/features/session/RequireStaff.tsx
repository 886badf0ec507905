import type { ReactNode } from "react";
import { NotFoundPage } from "../not-found/NotFoundPage";
import { useCanCheckIn } from "./use-can-check-in";

/** Pages for door staff and operators; to anyone else they do not exist. Inside RequireAuth. */
export function RequireStaff({ children }: { children: ReactNode }) {
  return useCanCheckIn() ? children : <NotFoundPage />;
}
