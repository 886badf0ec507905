import type { SentTicketView, TicketView } from "../../lib/api/types";

/** The sent view (a ticket the caller gave) rather than the plain view of a ticket they hold. */
export const isSentView = (ticket: TicketView | SentTicketView): ticket is SentTicketView => "claim_status" in ticket;
