import { useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { LtrText } from "../../components/LtrText";
import { PHONE_REGION } from "../../lib/account-schemas";
import type { ReassignRequest, ReassignResponse, SentTicketView } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMobileNumber } from "../../lib/phone";
import { useLocale } from "../../lib/use-locale";
import { RecipientFields } from "./RecipientFields";
import { emptyRecipient, type RecipientValues, recipientResolver } from "./recipient-form";
import { type CardPanelProps, PanelActions, TicketPanel } from "./TicketPanel";
import { useReassignGift } from "./use-reassign-gift";

/**
 * "Change number" on a pending gift (the wrong-number case): the ticket waits for the new number, and
 * the old number's link stops working. The name and email start as they were given, since it is most
 * often the same person with a mistyped number; the language starts as the page's.
 */
export function ChangeNumberForm({ ticket, onDone, onClose }: CardPanelProps<SentTicketView, ReassignResponse>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reassign = useReassignGift();
  const [resolver] = useState(() => recipientResolver("reassign", PHONE_REGION));
  const form = useForm<RecipientValues, unknown, ReassignRequest>({
    resolver,
    defaultValues: emptyRecipient(locale, {
      name: ticket.assignee?.name ?? "",
      email: ticket.assignee?.email ?? "",
    }),
  });
  const current = ticket.assignee ? formatMobileNumber(ticket.assignee.mobile_number) : "";

  return (
    <TicketPanel title={t("myTickets.changeNumberTitle")} testId="change-number">
      <p className="field-hint">
        <Trans i18nKey="myTickets.changeNumberHint" values={{ mobile: current }} components={{ n: <LtrText /> }} />
      </p>
      <form
        noValidate
        onSubmit={form.handleSubmit((body) => reassign.mutate({ ticketId: ticket.id, body }, { onSuccess: onDone }))}
      >
        {reassign.error && <Alert>{apiErrorMessage(t, reassign.error)}</Alert>}
        <RecipientFields form={form} />
        <PanelActions
          submitLabel={t("myTickets.changeNumberSubmit")}
          pending={reassign.isPending}
          leaveLabel={t("myTickets.close")}
          onLeave={onClose}
        />
      </form>
    </TicketPanel>
  );
}
