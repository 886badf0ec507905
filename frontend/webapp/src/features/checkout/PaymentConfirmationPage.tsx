import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { Alert } from "../../components/Alert";
import { ApiError } from "../../lib/api/client";
import type { PaymentStatusView } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMoney } from "../../lib/format";
import { useDocumentTitle } from "../../lib/use-document-title";
import { useLocale } from "../../lib/use-locale";
import { eventsQueryKey } from "../events/use-events";
import { myTicketsQueryKey } from "../my-tickets/use-my-tickets";
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
    // Paid: new tickets. Failed or expired: the held seats are back on sale.
    void queryClient.invalidateQueries({ queryKey: eventsQueryKey });
    void queryClient.invalidateQueries({ queryKey: myTicketsQueryKey });
  }, [status, queryClient]);

  if (payment.error) {
    if (payment.error instanceof ApiError && payment.error.code === "PAYMENT_NOT_FOUND") return <PaymentMissing />;
    return (
      <ResultCard tone="failed" title={t("checkout.title")}>
        <Alert>{apiErrorMessage(t, payment.error)}</Alert>
        <button type="button" className="button button-primary" onClick={() => payment.checkAgain()}>
          {t("checkout.checkAgain")}
        </button>
      </ResultCard>
    );
  }

  if (!payment.data || payment.data.status === "pending") {
    return payment.timedOut ? (
      <ResultCard tone="pending" title={t("checkout.slowTitle")} status="pending">
        <p className="lead">{t("checkout.slowBody")}</p>
        <div className="hero-actions">
          <button type="button" className="button button-primary" onClick={() => payment.checkAgain()}>
            {t("checkout.checkAgain")}
          </button>
          <Link to="/my-tickets" className="button button-secondary">
            {t("checkout.goToTickets")}
          </Link>
        </div>
      </ResultCard>
    ) : (
      <ResultCard tone="pending" title={t("checkout.confirming")} status="pending" busy>
        <p className="lead">{t("checkout.confirmingHint")}</p>
      </ResultCard>
    );
  }

  return <PaymentOutcome payment={payment.data} />;
}

function PaymentOutcome({ payment }: { payment: PaymentStatusView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const amount = formatMoney(payment.amount_minor, payment.currency, locale);
  const eventLink = (
    <Link to={`/events/${payment.event_id}`} className="button button-primary">
      {t("checkout.backToEvent")}
    </Link>
  );

  switch (payment.status) {
    case "paid":
      return (
        <ResultCard tone="paid" title={t("checkout.paidTitle")} status="paid">
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
    case "failed":
      return (
        <ResultCard tone="failed" title={t("checkout.failedTitle")} status="failed">
          <p className="lead">{t("checkout.failedBody")}</p>
          <div className="hero-actions">{eventLink}</div>
        </ResultCard>
      );
    default:
      return (
        <ResultCard tone="failed" title={t("checkout.expiredTitle")} status={payment.status}>
          <p className="lead">{t("checkout.expiredBody")}</p>
          <div className="hero-actions">{eventLink}</div>
        </ResultCard>
      );
  }
}

function PaymentMissing() {
  const { t } = useTranslation();
  return (
    <ResultCard tone="failed" title={t("checkout.missingTitle")}>
      <p className="lead">{t("checkout.missingBody")}</p>
      <div className="hero-actions">
        <Link to="/" className="button button-primary">
          {t("checkout.backHome")}
        </Link>
      </div>
    </ResultCard>
  );
}

function ResultCard({
  tone,
  title,
  status,
  busy,
  children,
}: {
  tone: "pending" | "paid" | "failed";
  title: string;
  status?: string;
  busy?: boolean;
  children: ReactNode;
}) {
  return (
    <section
      className={`result-card result-${tone}`}
      aria-labelledby="payment-title"
      aria-busy={busy || undefined}
      // The outcome replaces "Confirming…" in place: announce it.
      aria-live="polite"
      data-testid="payment-status"
      data-status={status}
    >
      <div className="result-icon" aria-hidden="true">
        {tone === "paid" ? "✓" : tone === "failed" ? "!" : <span className="spinner" />}
      </div>
      <h1 id="payment-title">{title}</h1>
      {children}
    </section>
  );
}
