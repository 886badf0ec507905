import { type KeyboardEvent, useRef } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useMyTickets } from "../features/my-tickets/use-my-tickets";
import { useResendClaim } from "../features/my-tickets/use-resend-claim";
import type { DeliveryStatus, SentTicketView, TicketView } from "../lib/api/types";
import { apiErrorMessage } from "../lib/error-messages";
import { formatEventDate } from "../lib/format";
import { formatMobileNumber } from "../lib/phone";
import { useLocale } from "../lib/use-locale";
import { Alert } from "./Alert";
import { EmptyState } from "./EmptyState";
import { LtrText } from "./LtrText";

type Tab = "owned" | "sent";
const TABS: readonly Tab[] = ["owned", "sent"];

/**
 * The customer's tickets in two tabs: the ones they hold (bought, or given to them — those appear
 * here on their own once their number is verified, with nothing to claim) and the ones they gave
 * away, with whether each was claimed and whether its SMS and email arrived. The tab is in the URL
 * (`?tab=sent`) so it survives a reload and can be linked to.
 */
export function ProfileBookingsTab() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: Tab = searchParams.get("tab") === "sent" ? "sent" : "owned";
  const tickets = useMyTickets();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ owned: null, sent: null });

  const select = (next: Tab) => {
    setSearchParams(next === "owned" ? {} : { tab: next }, { replace: true });
    tabRefs.current[next]?.focus();
  };
  // The usual tabs keyboard pattern: arrows move between tabs (mirrored in right-to-left layouts).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    select(tab === "owned" ? "sent" : "owned");
  };

  const counts = { owned: tickets.data?.owned.length, sent: tickets.data?.sent.length };

  return (
    <div className="tickets-tabs">
      <div className="tablist" role="tablist" aria-label={t("myTickets.tabsLabel")}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-controls={`panel-${name}`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            data-testid={`tab-${name}`}
            onClick={() => select(name)}
            onKeyDown={onKeyDown}
          >
            {name === "owned" ? t("myTickets.tabOwned") : t("myTickets.tabSent")}
            {counts[name] !== undefined && <span className="tab-count">{counts[name]}</span>}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tickets.isPending && <p className="page-loading">{t("common.loading")}</p>}
        {tickets.isError && (
          <div className="load-error">
            <Alert>
              {t("myTickets.loadError")} {apiErrorMessage(t, tickets.error)}
            </Alert>
            <button type="button" className="button button-secondary" onClick={() => tickets.refetch()}>
              {t("myTickets.retry")}
            </button>
          </div>
        )}
        {tickets.data && tab === "owned" && <OwnedTickets tickets={tickets.data.owned} />}
        {tickets.data && tab === "sent" && <SentTickets tickets={tickets.data.sent} />}
      </div>
    </div>
  );
}

function OwnedTickets({ tickets }: { tickets: TicketView[] }) {
  const { t } = useTranslation();
  if (tickets.length === 0) {
    return (
      <EmptyState title={t("myTickets.empty")} hint={t("myTickets.emptyHint")}>
        <Link to="/" className="button button-primary">
          {t("myTickets.browseEvents")}
        </Link>
      </EmptyState>
    );
  }
  return (
    <ul className="ticket-list">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <article className="ticket-card" data-testid="owned-ticket" data-ticket-number={ticket.ticket_number}>
            <TicketSummary ticket={ticket} />
            {ticket.purchaser_name && (
              <p className="ticket-from" data-testid="purchaser-name">
                <Trans i18nKey="myTickets.from" values={{ name: ticket.purchaser_name }} components={{ n: <bdi /> }} />
              </p>
            )}
          </article>
        </li>
      ))}
    </ul>
  );
}

function SentTickets({ tickets }: { tickets: SentTicketView[] }) {
  const { t } = useTranslation();
  if (tickets.length === 0) return <EmptyState title={t("myTickets.sentEmpty")} hint={t("myTickets.sentEmptyHint")} />;
  return (
    <ul className="ticket-list">
      {tickets.map((ticket) => (
        <li key={ticket.id}>
          <SentTicket ticket={ticket} />
        </li>
      ))}
    </ul>
  );
}

function SentTicket({ ticket }: { ticket: SentTicketView }) {
  const { t } = useTranslation();
  const resend = useResendClaim();
  const recipient = ticket.assignee;
  const mobile = recipient ? formatMobileNumber(recipient.mobile_number) : "";
  const claimed = ticket.claim_status === "claimed";

  return (
    <article
      className="ticket-card"
      data-testid="sent-ticket"
      data-ticket-number={ticket.ticket_number}
      data-recipient={recipient?.mobile_number}
    >
      <div className="ticket-card-top">
        <div className="recipient" data-testid="recipient">
          <span className="recipient-label">{t("myTickets.recipient")}</span>
          <span className="recipient-name">
            {recipient?.name ? <bdi>{recipient.name}</bdi> : <span className="muted">{t("myTickets.noName")}</span>}
          </span>
          <span className="recipient-contact">
            <LtrText>{mobile}</LtrText>
            {recipient?.email && (
              <>
                {" · "}
                <LtrText>{recipient.email}</LtrText>
              </>
            )}
          </span>
        </div>
        <span
          className={`badge ${claimed ? "badge-success" : "badge-warning"}`}
          data-testid="claim-status"
          data-status={ticket.claim_status}
        >
          {claimed ? t("myTickets.claimClaimed") : t("myTickets.claimPending")}
        </span>
      </div>
      <TicketSummary ticket={ticket} />
      <dl className="delivery">
        <div>
          <dt>{t("myTickets.sms")}</dt>
          <dd>
            <DeliveryBadge status={ticket.delivery.sms} channel="sms" />
          </dd>
        </div>
        <div>
          <dt>{t("myTickets.email")}</dt>
          <dd>
            <DeliveryBadge status={ticket.delivery.email} channel="email" />
          </dd>
        </div>
      </dl>
      {!claimed && (
        <div className="ticket-actions">
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={resend.isPending}
            aria-busy={resend.isPending}
            onClick={() => resend.mutate(ticket.id)}
          >
            {t("myTickets.resend")}
          </button>
          {resend.isSuccess && (
            <Alert tone="success">
              <Trans i18nKey="myTickets.resent" values={{ mobile }} components={{ n: <LtrText /> }} />
            </Alert>
          )}
          {resend.error && <Alert>{apiErrorMessage(t, resend.error)}</Alert>}
        </div>
      )}
    </article>
  );
}

/** Event, date, venue, category and ticket number: what every ticket card shows. */
function TicketSummary({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="ticket-summary">
      <h3 className="ticket-event">
        <Link to={`/events/${ticket.event.id}`}>
          <bdi>{ticket.event.name}</bdi>
        </Link>
        {ticket.status !== "valid" && (
          <span className="badge badge-muted">{t(`myTickets.status_${ticket.status}`)}</span>
        )}
      </h3>
      <p className="ticket-when">
        <time dateTime={ticket.event.starts_at}>{formatEventDate(ticket.event.starts_at, locale)}</time>
        {" · "}
        <bdi>{ticket.event.venue}</bdi>
      </p>
      <dl className="ticket-facts">
        <div>
          <dt>{t("myTickets.category")}</dt>
          <dd>
            <bdi>{ticket.category.name}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t("myTickets.ticketNumber")}</dt>
          <dd data-testid="ticket-number">
            <LtrText>{ticket.ticket_number}</LtrText>
          </dd>
        </div>
      </dl>
    </div>
  );
}

const DELIVERY_TONE: Record<DeliveryStatus, string> = {
  sent: "success",
  queued: "info",
  sending: "info",
  failed: "warning",
  dead: "danger",
  none: "muted",
};

function DeliveryBadge({ status, channel }: { status: DeliveryStatus; channel: "sms" | "email" }) {
  const { t } = useTranslation();
  // No email row means the buyer gave no address (and the recipient's account has none).
  const label = status === "none" && channel === "email" ? t("myTickets.emailNone") : t(`myTickets.delivery_${status}`);
  return (
    <span
      className={`delivery-status delivery-${DELIVERY_TONE[status]}`}
      data-testid={`${channel}-status`}
      data-status={status}
    >
      {label}
    </span>
  );
}
