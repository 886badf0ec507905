import { useRef, useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { DoorCode } from "./DoorCode";
import { SendTicket } from "./SendTicket";
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
    <article
      className="ticket-card"
      data-testid="owned-ticket"
      data-ticket-id={ticket.id}
      data-ticket-number={ticket.ticket_number}
    >
      <TicketSummary ticket={ticket} />
      {ticket.door_code && ticket.status === "valid" && <DoorCode ticket={ticket} code={ticket.door_code} />}
      {ticket.purchaser_name && (
        <p className="ticket-from" data-testid="purchaser-name">
          <Trans i18nKey="myTickets.from" values={{ name: ticket.purchaser_name }} components={{ n: <bdi /> }} />
        </p>
      )}
      <div className="ticket-actions-row">
        <Link to={`/my-tickets/${ticket.id}`} className="button button-ghost button-small">
          {t("myTickets.details")}
        </Link>
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
      {sending && <SendTicket ticket={ticket} onSent={onSent} onClose={close} />}
    </article>
  );
}
