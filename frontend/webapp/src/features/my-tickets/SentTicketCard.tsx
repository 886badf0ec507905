import { useState } from "react";
import { Trans, useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { BusyButton } from "../../components/BusyButton";
import { Fact } from "../../components/Fact";
import { LtrText } from "../../components/LtrText";
import type { ReassignResponse, SentTicketView, TicketView } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMoment } from "../../lib/format";
import { formatMobileNumber } from "../../lib/phone";
import { useLocale } from "../../lib/use-locale";
import { CancelGiftConfirm } from "./CancelGiftConfirm";
import { ChangeNumberForm } from "./ChangeNumberForm";
import { DeliveryBadge } from "./DeliveryBadge";
import { TicketCard, TicketDetailsLink } from "./TicketCard";
import { TicketSummary } from "./TicketSummary";
import { isSentView } from "./ticket-views";
import { useResendClaim } from "./use-resend-claim";

type Panel = "none" | "change" | "cancel";

/** The buttons that open (and close again) a panel under the card. */
const PANEL_TOGGLES = [
  ["change", "myTickets.changeNumber"],
  ["cancel", "myTickets.cancelGift"],
] as const;

/** What a Change number did: the ticket waits for the new number, or (an account's number) is theirs now. */
type Changed = { mobile: string; held: boolean };

/**
 * A ticket given away: to whom, how (bought for them or passed on) and when, whether they claimed it,
 * whether its SMS and email arrived. While it waits to be claimed: Change number, Cancel gift, Resend link.
 * When the ticket comes back to the giver (cancelled, or changed to their own number) it leaves this tab,
 * so `onReturned` lets the list say so.
 */
export function SentTicketCard({
  ticket,
  onReturned,
}: {
  ticket: SentTicketView;
  onReturned: (ticket: TicketView) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const resend = useResendClaim();
  const [panel, setPanel] = useState<Panel>("none");
  const [changed, setChanged] = useState<Changed | null>(null);
  const recipient = ticket.assignee;
  const mobile = recipient ? formatMobileNumber(recipient.mobile_number) : "";
  const claimed = ticket.claim_status === "claimed";

  const open = (next: Panel) => {
    resend.reset();
    setChanged(null);
    setPanel(next);
  };
  const afterChange = (result: ReassignResponse) => {
    setPanel("none");
    if (!isSentView(result)) {
      onReturned(result);
      return;
    }
    const to = result.assignee ? formatMobileNumber(result.assignee.mobile_number) : "";
    setChanged({ mobile: to, held: result.claim_status === "claimed" });
  };

  return (
    <TicketCard ticket={ticket} data-testid="sent-ticket" data-recipient={recipient?.mobile_number}>
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
        <div className="ticket-card-badges">
          <span className="badge badge-muted" data-testid="given-as" data-given-as={ticket.given_as}>
            {t(`myTickets.givenAs_${ticket.given_as}`)}
          </span>
          <span
            className={`badge ${claimed ? "badge-success" : "badge-warning"}`}
            data-testid="claim-status"
            data-status={ticket.claim_status}
          >
            {claimed ? t("myTickets.claimClaimed") : t("myTickets.claimPending")}
          </span>
        </div>
      </div>
      <p className="ticket-given-at muted" data-testid="given-at">
        <time dateTime={ticket.given_at}>
          {t("myTickets.givenAt", { date: formatMoment(ticket.given_at, locale) })}
        </time>
      </p>
      <TicketSummary ticket={ticket} />
      <dl className="delivery">
        <Fact term={t("myTickets.sms")}>
          <DeliveryBadge status={ticket.delivery.sms} channel="sms" />
        </Fact>
        <Fact term={t("myTickets.email")}>
          <DeliveryBadge status={ticket.delivery.email} channel="email" />
        </Fact>
      </dl>
      {changed && (
        <Alert tone="success">
          <Trans
            i18nKey={changed.held ? "myTickets.changedNumberHeld" : "myTickets.changedNumber"}
            values={{ mobile: changed.mobile }}
            components={{ n: <LtrText /> }}
          />
        </Alert>
      )}
      <div className="ticket-actions-row">
        <TicketDetailsLink ticket={ticket} />
        {!claimed && (
          <>
            {PANEL_TOGGLES.map(([name, label]) => (
              <button
                key={name}
                type="button"
                className="button button-secondary button-small"
                aria-expanded={panel === name}
                onClick={() => open(panel === name ? "none" : name)}
              >
                {t(label)}
              </button>
            ))}
            <BusyButton
              className="button button-secondary button-small"
              busy={resend.isPending}
              onClick={() => {
                open("none");
                resend.mutate(ticket.id);
              }}
            >
              {t("myTickets.resend")}
            </BusyButton>
          </>
        )}
      </div>
      {!claimed && panel === "change" && (
        <ChangeNumberForm ticket={ticket} onDone={afterChange} onClose={() => setPanel("none")} />
      )}
      {!claimed && panel === "cancel" && (
        <CancelGiftConfirm
          ticket={ticket}
          onDone={(returned) => {
            setPanel("none");
            onReturned(returned);
          }}
          onClose={() => setPanel("none")}
        />
      )}
      {resend.isSuccess && (
        <Alert tone="success">
          <Trans i18nKey="myTickets.resent" values={{ mobile }} components={{ n: <LtrText /> }} />
        </Alert>
      )}
      {resend.error && <Alert>{apiErrorMessage(t, resend.error)}</Alert>}
    </TicketCard>
  );
}
