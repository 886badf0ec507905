import type { ReactNode } from "react";
import { Link } from "react-router";
import { Alert } from "../../components/Alert";

/**
 * One tab's tickets, or what it says when it has none. `notice` (what was just done to a ticket) stays
 * above either, since the card it came from may have left the list.
 */
export function TicketList<T extends { id: string }>({
  tickets,
  notice,
  empty,
  card,
}: {
  tickets: T[];
  notice: ReactNode;
  empty: ReactNode;
  card: (ticket: T) => ReactNode;
}) {
  return (
    <>
      {notice}
      {tickets.length === 0 ? (
        empty
      ) : (
        <ul className="ticket-list">
          {tickets.map((ticket) => (
            <li key={ticket.id}>{card(ticket)}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** What just happened to a ticket that left this tab, with a link to the tab it went to. */
export function MovedNotice({
  testId,
  children,
  to,
  linkLabel,
}: {
  testId: string;
  children: ReactNode;
  to: string;
  linkLabel: string;
}) {
  return (
    <div data-testid={testId}>
      <Alert tone="success">
        {children} <Link to={to}>{linkLabel}</Link>
      </Alert>
    </div>
  );
}
