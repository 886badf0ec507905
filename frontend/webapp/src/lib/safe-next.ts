/**
 * The `next` query parameter decides where a person lands after logging in. Only same-origin paths
 * are followed, so a crafted link cannot send them to another site (`//evil.example`, `/\evil`).
 */
export function safeNextPath(next: string | null | undefined, fallback = "/", origin = window.location.origin): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return fallback;
  try {
    const url = new URL(next, origin);
    if (url.origin !== origin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

/** `/login?next=/my-tickets`: slashes stay readable, everything else is encoded. */
export function withNext(path: "/login" | "/signup", next: string | null | undefined): string {
  if (!next || next === "/") return path;
  return `${path}?next=${encodeURIComponent(next).replaceAll("%2F", "/")}`;
}
