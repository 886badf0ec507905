import type { ReactNode } from "react";
import { TicketIcon } from "./Icons";

export function EmptyState({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <TicketIcon className="empty-state-icon" />
      <p className="empty-state-title">{title}</p>
      {hint && <p className="empty-state-hint">{hint}</p>}
      {children}
    </div>
  );
}
