import { Trans, useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { LtrText } from "../../components/LtrText";
import type { SentTicketView } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMobileNumber } from "../../lib/phone";
import { DeliveryBadge } from "./DeliveryBadge";
import { TicketSummary } from "./TicketSummary";
import { useResendClaim } from "./use-resend-claim";

/** A ticket given away: to whom, whether they claimed it, whether its SMS and email arrived, and Resend. */
export function SentTicketCard({ ticket }: { ticket: SentTicketView }) {
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
            <LtrText data-testid="recipient-mobile">{mobile}</LtrText>
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
