import { OTP_RESEND_INTERVAL_SECONDS } from "@ticketrunners/shared";
import { useCallback, useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { Trans, useTranslation } from "react-i18next";
import { AccountField } from "../../components/AccountField";
import { Alert } from "../../components/Alert";
import { LtrText } from "../../components/LtrText";
import { PHONE_REGION } from "../../lib/account-schemas";
import { ApiError } from "../../lib/api/client";
import type { ReassignRequest, SentTicketView, TicketView, TransferRequest } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatTimeOfDay } from "../../lib/format";
import { formatMobileNumber } from "../../lib/phone";
import { useCountdown } from "../../lib/use-countdown";
import { useLocale } from "../../lib/use-locale";
import { useSession } from "../session/use-session";
import { RecipientFields } from "./RecipientFields";
import {
  type CodeValues,
  emptyRecipient,
  type RecipientValues,
  recipientResolver,
  transferCodeResolver,
} from "./recipient-form";
import { type CardPanelProps, PanelActions, TicketPanel } from "./TicketPanel";
import { transferCodeMemory } from "./transfer-code-memory";
import { useTransferCode } from "./use-transfer-code";
import { useTransferTicket } from "./use-transfer-ticket";

/** After these the texted code is spent or gone: clear the box, and ask for a new one next time. */
const CODE_GONE = new Set(["NO_ACTIVE_OTP", "OTP_EXPIRED", "OTP_ATTEMPTS_EXCEEDED"]);

/**
 * "Send to someone": whom (number, name, email, the language of their messages), then the code texted
 * to the holder's own number, so that a stolen session cannot give tickets away. One code serves the
 * holder's transfers for 10 minutes: a code the person typed for an accepted transfer is offered again
 * (from memory only) for the next one, and no new text is sent while it still works.
 */
export function SendTicket({ ticket, onDone, onClose }: CardPanelProps<TicketView, SentTicketView>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [values, setValues] = useState<RecipientValues>(() => emptyRecipient(locale));
  const [recipient, setRecipient] = useState<ReassignRequest | null>(null);

  return (
    <TicketPanel title={recipient ? t("myTickets.codeTitle") : t("myTickets.sendTitle")} testId="send-ticket">
      {recipient ? (
        <CodeStep ticket={ticket} recipient={recipient} onBack={() => setRecipient(null)} onSent={onDone} />
      ) : (
        <RecipientStep
          defaultValues={values}
          onNext={(typed, body) => {
            setValues(typed);
            setRecipient(body);
          }}
          onClose={onClose}
        />
      )}
    </TicketPanel>
  );
}

function RecipientStep({
  defaultValues,
  onNext,
  onClose,
}: {
  defaultValues: RecipientValues;
  onNext: (typed: RecipientValues, body: ReassignRequest) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [resolver] = useState(() => recipientResolver("transfer", PHONE_REGION));
  const form = useForm<RecipientValues, unknown, ReassignRequest>({ resolver, defaultValues });
  return (
    <>
      <p className="field-hint">{t("myTickets.sendLead")}</p>
      <form noValidate onSubmit={form.handleSubmit((body) => onNext(form.getValues(), body))}>
        <RecipientFields form={form} />
        <PanelActions submitLabel={t("myTickets.sendContinue")} leaveLabel={t("myTickets.close")} onLeave={onClose} />
      </form>
    </>
  );
}

function CodeStep({
  ticket,
  recipient,
  onBack,
  onSent,
}: {
  ticket: TicketView;
  recipient: ReassignRequest;
  onBack: () => void;
  onSent: (sent: SentTicketView) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useSession();
  const userId = user?.id ?? "";
  const [remembered] = useState(() => transferCodeMemory.recall(userId));
  const requestCode = useTransferCode();
  const transfer = useTransferTicket();
  const [resendAt, setResendAt] = useState<number | null>(null);
  const wait = useCountdown(resendAt);
  const [resolver] = useState(() => transferCodeResolver(recipient, PHONE_REGION));
  const form = useForm<CodeValues, unknown, TransferRequest>({
    resolver,
    defaultValues: { otp_code: remembered?.code ?? "" },
  });

  const { mutate: askForCode } = requestCode;
  const { reset: resetTransfer } = transfer;
  const { reset: resetForm } = form;
  const ask = useCallback(() => {
    resetTransfer();
    askForCode(undefined, {
      onSuccess: (answer) => {
        transferCodeMemory.texted(userId, answer.expires_at);
        setResendAt(Date.now() + OTP_RESEND_INTERVAL_SECONDS * 1_000);
        resetForm({ otp_code: "" });
      },
      onError: (error) => {
        // One code a minute: the refusal says how long to wait; the code texted before still works.
        const seconds = error instanceof ApiError ? error.retryAfterSeconds : undefined;
        if (seconds !== undefined) setResendAt(Date.now() + seconds * 1_000);
      },
    });
  }, [askForCode, resetTransfer, resetForm, userId]);

  // Text a code once, as the step opens, unless one the person typed a moment ago still works.
  const asked = useRef(false);
  useEffect(() => {
    if (remembered || asked.current) return;
    asked.current = true;
    ask();
  }, [remembered, ask]);

  const send = form.handleSubmit((body) =>
    transfer.mutate(
      { ticketId: ticket.id, body },
      {
        onSuccess: (sent) => {
          transferCodeMemory.accepted(userId, body.otp_code);
          onSent(sent);
        },
        onError: (error) => {
          if (!(error instanceof ApiError)) return;
          if (error.code === "INVALID_OTP") transferCodeMemory.refused(userId);
          if (CODE_GONE.has(error.code)) {
            // Spent or expired: the next transfer needs a new code.
            transferCodeMemory.forget();
            resetForm({ otp_code: "" });
          }
        },
      },
    ),
  );

  const ownNumber = user ? formatMobileNumber(user.mobile_number) : "";
  const error = transfer.error ?? requestCode.error;
  const to = formatMobileNumber(recipient.mobile_number);

  return (
    <form noValidate onSubmit={send}>
      <p>
        <Trans
          i18nKey="myTickets.sendSummary"
          values={{ event: ticket.event.name, mobile: to }}
          components={{ e: <bdi />, n: <LtrText data-testid="send-to" /> }}
        />
      </p>
      {requestCode.isPending && (
        <p className="field-hint" role="status">
          {t("myTickets.codeTexting")}
        </p>
      )}
      {requestCode.isSuccess && (
        <Alert tone="info">
          <Trans i18nKey="myTickets.codeSent" values={{ mobile: ownNumber }} components={{ n: <LtrText /> }} />
        </Alert>
      )}
      {remembered && requestCode.isIdle && (
        <Alert tone="info">
          {t("myTickets.codeRemembered", { time: formatTimeOfDay(remembered.expiresAt, locale) })}
        </Alert>
      )}
      {error && <Alert>{apiErrorMessage(t, error)}</Alert>}
      <AccountField field="otp_code" form={form} hint={t("myTickets.codeHint")} />
      <PanelActions
        submitLabel={t("myTickets.sendSubmit")}
        pending={transfer.isPending}
        leaveLabel={t("myTickets.back")}
        onLeave={onBack}
      >
        <button
          type="button"
          className="button-link"
          disabled={requestCode.isPending || wait > 0}
          onClick={() => {
            transferCodeMemory.forget();
            ask();
          }}
        >
          {t("myTickets.newCode")}
        </button>
      </PanelActions>
      {wait > 0 && (
        <p className="field-hint" data-testid="code-wait">
          {t("myTickets.codeWait", { count: wait })}
        </p>
      )}
    </form>
  );
}
