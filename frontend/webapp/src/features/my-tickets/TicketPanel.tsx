import { type ReactNode, useId } from "react";
import { BusyButton } from "../../components/BusyButton";

/** What a card gives a panel it opens: its ticket, what to do with the panel's outcome, and how to close it. */
export interface CardPanelProps<Ticket, Outcome> {
  ticket: Ticket;
  onDone: (outcome: Outcome) => void;
  onClose: () => void;
}

/** A step opened under a ticket card (send it, change its number), named by its heading. */
export function TicketPanel({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="ticket-panel" aria-labelledby={titleId} data-testid={testId}>
      <h4 id={titleId}>{title}</h4>
      {children}
    </section>
  );
}

/** A panel form's buttons: submit it, or step away from it; `pending` while what it submitted runs. */
export function PanelActions({
  submitLabel,
  pending,
  leaveLabel,
  onLeave,
  children,
}: {
  submitLabel: string;
  pending?: boolean;
  leaveLabel: string;
  onLeave: () => void;
  children?: ReactNode;
}) {
  return (
    <div className="panel-actions">
      <BusyButton type="submit" className="button button-primary button-small" busy={pending}>
        {submitLabel}
      </BusyButton>
      <button type="button" className="button button-secondary button-small" onClick={onLeave}>
        {leaveLabel}
      </button>
      {children}
    </div>
  );
}
