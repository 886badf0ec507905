import { useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { DoorCode } from "./DoorCode";
import { SendTicket } from "./SendTicket";
import { TicketCard, TicketDetailsLink } from "./TicketCard";
import { TicketSummary } from "./TicketSummary";

/** Why a ticket cannot be passed on now, when it cannot. */
function closedReason(ticket: TicketView): string | null {
  if (ticket.transfer_open) return null;
  if (ticket.status === "used") return "myTickets.locked_used";
  if (ticket.status === "refunded") return "myTickets.locked_refunded";
  return "myTickets.transferClosed";
}

/**
 * A ticket the customer holds: its door code while it is valid (the server sends one only to the holder),
 * who it came from, and "Send to someone" while it may change hands.
 */
export function OwnedTicketCard({ ticket, onSent }: { ticket: TicketView; onSent: (sent: SentTicketView) => void }) {
  const { t } = useTranslation();
  const [sending, setSending] = useState(false);
  const sendButton = useRef<HTMLButtonElement>(null);
  const closed = closedReason(ticket);
  const close = () => {
    setSending(false);
    sendButton.current?.focus();
  };

  return (
    <TicketCard ticket={ticket} data-testid="owned-ticket">
      <TicketSummary ticket={ticket} />
      {ticket.door_code && ticket.status === "valid" && <DoorCode ticket={ticket} code={ticket.door_code} />}
      {ticket.purchaser_name && (
        <p className="ticket-from" data-testid="purchaser-name">
          <Trans i18nKey="myTickets.from" values={{ name: ticket.purchaser_name }} components={{ n: <bdi /> }} />
        </p>
      )}
      <div className="ticket-actions-row">
        <TicketDetailsLink ticket={ticket} />
        {ticket.transfer_open && (
          <button
            ref={sendButton}
            type="button"
            className="button button-secondary button-small"
            aria-expanded={sending}
            onClick={() => (sending ? close() : setSending(true))}
          >
            {t("myTickets.send")}
          </button>
        )}
      </div>
      {closed && (
        <p className="field-hint" data-testid="transfer-closed">
          {t(closed)}
        </p>
      )}
      {sending && <SendTicket ticket={ticket} onDone={onSent} onClose={close} />}
    </TicketCard>
  );
}
