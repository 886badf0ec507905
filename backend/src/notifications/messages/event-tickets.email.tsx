/** @jsxRuntime automatic @jsxImportSource react */
import { formatEventDateLong, type Locale } from "@ticketrunners/shared";
import type { Translate } from "./i18n";
import { Lines, List } from "./layout.email";

export interface EmailEvent {
  name: string;
  venue: string;
  startsAt: Date;
  /** The event's IANA zone, for its date and time (Africa/Cairo when absent). */
  timeZone?: string;
}

/** What an email about some tickets to one event is given of them. */
export interface EventTicketsInput {
  event: EmailEvent;
  /** At least one. */
  tickets: { ticketNumber: string; categoryName: string }[];
}

/**
 * The event (name, date, venue) and the tickets an email is about, in the words of that email's own
 * copy (`copy`.when, .where, .ticketLine), so each email's wording can change alone.
 */
export function EventTickets({
  t,
  locale,
  copy,
  event,
  tickets,
}: EventTicketsInput & { t: Translate; locale: Locale; copy: "assignmentEmail" | "giftClaimedEmail" }) {
  const when = formatEventDateLong(event.startsAt, locale, event.timeZone);
  return (
    <>
      <Lines
        strongFirst
        lines={[event.name, t(`${copy}.when`, { when }), t(`${copy}.where`, { venue: event.venue })]}
      />
      <List
        items={tickets.map((ticket) =>
          t(`${copy}.ticketLine`, { number: ticket.ticketNumber, category: ticket.categoryName }),
        )}
      />
    </>
  );
}
