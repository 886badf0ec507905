import { useSearchParams } from "react-router";
import { safeNextPath } from "../../lib/safe-next";

/** Where to go once signed in: the page that sent the person here, or home. */
export function useNextPath() {
  const [searchParams] = useSearchParams();
  const raw = searchParams.get("next");
  return { raw, next: safeNextPath(raw) };
}
