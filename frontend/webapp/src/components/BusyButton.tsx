import type { ComponentProps } from "react";

/** A button that starts a request: while it runs the button stays in place, disabled, and says it is busy. */
export function BusyButton({ busy, type = "button", ...props }: ComponentProps<"button"> & { busy?: boolean }) {
  return <button type={type} disabled={busy} aria-busy={busy} {...props} />;
}
