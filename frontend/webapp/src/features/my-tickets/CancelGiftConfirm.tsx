import { Trans, useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { BusyButton } from "../../components/BusyButton";
import { LtrText } from "../../components/LtrText";
import type { SentTicketView, TicketView } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMobileNumber } from "../../lib/phone";
import type { CardPanelProps } from "./TicketPanel";
import { useCancelGift } from "./use-cancel-gift";

/** "Cancel gift" asks first: taking a ticket back stops the recipient's link. The safe answer has the focus. */
export function CancelGiftConfirm({ ticket, onDone, onClose }: CardPanelProps<SentTicketView, TicketView>) {
  const { t } = useTranslation();
  const cancel = useCancelGift();
  const mobile = ticket.assignee ? formatMobileNumber(ticket.assignee.mobile_number) : "";
  return (
    <div className="ticket-panel" data-testid="cancel-gift-confirm">
      <p className="panel-question">
        <Trans i18nKey="myTickets.cancelGiftConfirm" values={{ mobile }} components={{ n: <LtrText /> }} />
      </p>
      {cancel.error && <Alert>{apiErrorMessage(t, cancel.error)}</Alert>}
      <div className="panel-actions">
        <BusyButton
          className="button button-danger button-small"
          busy={cancel.isPending}
          onClick={() => cancel.mutate(ticket.id, { onSuccess: onDone })}
        >
          {t("myTickets.cancelGiftYes")}
        </BusyButton>
        {/* biome-ignore lint/a11y/noAutofocus: the question just opened; keeping the gift is the safe answer. */}
        <button type="button" className="button button-secondary button-small" autoFocus onClick={onClose}>
          {t("myTickets.cancelGiftNo")}
        </button>
      </div>
    </div>
  );
}
