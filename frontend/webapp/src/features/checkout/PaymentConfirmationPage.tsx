import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../components/Alert";
import { BusyButton } from "../../components/BusyButton";
import { ResultCard, type ResultTone } from "../../components/ResultCard";
import { ApiError } from "../../lib/api/client";
import type { PaymentStatus, PaymentStatusView } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMoney } from "../../lib/format";
import { eventsQueryKey } from "../../lib/query-keys";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useLocale } from "../../lib/use-locale";
import { myTicketsQueryKey } from "../my-tickets/use-my-tickets";
import { useCancelCheckout } from "./use-cancel-checkout";
import { openCheckoutsQueryKey } from "./use-open-checkouts";
import { usePaymentStatus } from "./use-payment-status";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the payment gateway sends the browser back: `?transaction_id=…&status=…&signature=…` from the
 * sandbox, `?merchantOrderId=…&paymentStatus=…&signature=…` from Kashier. The query string is passed to
 * the server as is; only its signature decides anything.
 */
export function PaymentConfirmationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("checkout.title"));
  const [searchParams] = useSearchParams();
  const params = useMemo(() => Object.fromEntries(searchParams), [searchParams]);
  const transactionId = params.transaction_id ?? params.merchantOrderId ?? "";

  if (!UUID.test(transactionId)) return <PaymentMissing />;
  return <PaymentStatusPanel transactionId={transactionId} params={params} />;
}

function PaymentStatusPanel({ transactionId, params }: { transactionId: string; params: Record<string, string> }) {
  const { t } = useTranslation();
  const payment = usePaymentStatus(transactionId, params);
  const queryClient = useQueryClient();
  const status = payment.data?.status;

  useEffect(() => {
    if (status === undefined || status === "pending") return;
    // Paid: new tickets. Failed, expired or cancelled: the held seats are back on sale. Either way the
    // checkout is no longer open.
    void queryClient.invalidateQueries({ queryKey: eventsQueryKey });
    void queryClient.invalidateQueries({ queryKey: myTicketsQueryKey });
    void queryClient.invalidateQueries({ queryKey: openCheckoutsQueryKey });
  }, [status, queryClient]);

  if (payment.error) {
    if (payment.error instanceof ApiError && payment.error.code === "PAYMENT_NOT_FOUND") return <PaymentMissing />;
    return (
      <ResultCard tone="failed" title={t("checkout.title")} testId="payment-status">
        <Alert>{apiErrorMessage(t, payment.error)}</Alert>
        <button type="button" className="button button-primary" onClick={() => payment.checkAgain()}>
          {t("checkout.checkAgain")}
        </button>
      </ResultCard>
    );
  }

  if (!payment.data || payment.data.status === "pending") {
    return payment.timedOut ? (
      <ResultCard tone="pending" title={t("checkout.slowTitle")} status="pending" testId="payment-status">
        <p className="lead">{t("checkout.slowBody")}</p>
        <div className="hero-actions">
          <button type="button" className="button button-primary" onClick={() => payment.checkAgain()}>
            {t("checkout.checkAgain")}
          </button>
          <Link to="/my-tickets" className="button button-secondary">
            {t("checkout.goToTickets")}
          </Link>
        </div>
        <CancelPendingCheckout transactionId={transactionId} />
      </ResultCard>
    ) : (
      <ResultCard tone="pending" title={t("checkout.confirming")} status="pending" busy testId="payment-status">
        <p className="lead">{t("checkout.confirmingHint")}</p>
        {payment.data && <CancelPendingCheckout transactionId={transactionId} />}
      </ResultCard>
    );
  }

  return <PaymentOutcome payment={payment.data} />;
}

/**
 * The buyer may give up a checkout that is still waiting (they came back without paying, or the
 * gateway is slow): its seats are released at once, and the answer replaces the pending card.
 */
function CancelPendingCheckout({ transactionId }: { transactionId: string }) {
  const { t } = useTranslation();
  const cancel = useCancelCheckout();
  return (
    <div className="result-secondary">
      <p className="muted">{t("checkout.cancelHint")}</p>
      {cancel.error && <Alert>{apiErrorMessage(t, cancel.error)}</Alert>}
      <BusyButton
        className="button button-secondary"
        busy={cancel.isPending}
        onClick={() => cancel.mutate(transactionId)}
      >
        {t("checkout.cancel")}
      </BusyButton>
    </div>
  );
}

/** A checkout that ended unpaid says how, and leads back to its event; an expired one is drawn as failed. */
const UNPAID: Record<Exclude<PaymentStatus, "paid" | "pending">, { tone: ResultTone; title: string; body: string }> = {
  failed: { tone: "failed", title: "checkout.failedTitle", body: "checkout.failedBody" },
  cancelled: { tone: "cancelled", title: "checkout.cancelledTitle", body: "checkout.cancelledBody" },
  expired: { tone: "failed", title: "checkout.expiredTitle", body: "checkout.expiredBody" },
};

function PaymentOutcome({ payment }: { payment: PaymentStatusView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const amount = formatMoney(payment.amount_minor, payment.currency, locale);

  if (payment.status === "paid") {
    return (
      <ResultCard tone="paid" title={t("checkout.paidTitle")} status="paid" testId="payment-status">
        <p className="lead" data-testid="payment-summary">
          {t("checkout.paidBody", { count: payment.ticket_count, amount })}
        </p>
        <p className="muted">{t("checkout.givenNote")}</p>
        <div className="hero-actions">
          <Link to="/my-tickets" className="button button-primary">
            {t("checkout.goToTickets")}
          </Link>
          <Link to="/my-tickets?tab=sent" className="button button-secondary">
            {t("checkout.seeSent")}
          </Link>
        </div>
      </ResultCard>
    );
  }

  // Pending never gets here (the panel waits while it is), and would read as expired.
  const unpaid = UNPAID[payment.status === "pending" ? "expired" : payment.status];
  return (
    <DeadEnd
      tone={unpaid.tone}
      title={t(unpaid.title)}
      body={t(unpaid.body)}
      status={payment.status}
      way={{ to: `/events/${payment.event_id}`, label: t("checkout.backToEvent") }}
    />
  );
}

function PaymentMissing() {
  const { t } = useTranslation();
  return (
    <DeadEnd
      tone="failed"
      title={t("checkout.missingTitle")}
      body={t("checkout.missingBody")}
      way={{ to: "/", label: t("checkout.backHome") }}
    />
  );
}

/** A checkout there is nothing more to do with: what became of it, and the one way on. */
function DeadEnd({
  tone,
  title,
  body,
  status,
  way,
}: {
  tone: ResultTone;
  title: string;
  body: string;
  status?: string;
  way: { to: string; label: string };
}) {
  return (
    <ResultCard tone={tone} title={title} status={status} testId="payment-status">
      <p className="lead">{body}</p>
      <div className="hero-actions">
        <Link to={way.to} className="button button-primary">
          {way.label}
        </Link>
      </div>
    </ResultCard>
  );
}
