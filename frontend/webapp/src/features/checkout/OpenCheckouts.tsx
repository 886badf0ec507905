import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { Alert } from "../../components/Alert";
import { BusyButton } from "../../components/BusyButton";
import type { OpenCheckoutSummary } from "../../lib/api/types";
import { apiErrorMessage } from "../../lib/error-messages";
import { formatMoney, formatTimeOfDay } from "../../lib/format";
import { useLocale } from "../../lib/use-locale";
import { useCancelCheckout } from "./use-cancel-checkout";
import { useOpenCheckouts } from "./use-open-checkouts";

/** An open checkout as listed by payments/open, or as named in a TOO_MANY_OPEN_CHECKOUTS refusal (no count). */
type OpenCheckout = OpenCheckoutSummary & { ticket_count?: number };

/**
 * The buyer's checkouts still waiting for payment, each with "Continue to payment" (the gateway's page)
 * and "Cancel" (releases its seats). Shown where a new booking starts, because each one holds seats and
 * a buyer may have only 3 open at once. `refusal` is the server's list after it refused a fourth: it
 * stands in until the buyer's own list has loaded.
 */
export function OpenCheckouts({
  refusal,
  refusalMessage,
  onCancelled,
}: {
  refusal?: OpenCheckoutSummary[];
  /** Why the list is shown now (the refusal), announced above it. */
  refusalMessage?: string;
  onCancelled?: () => void;
}) {
  const { t } = useTranslation();
  const open = useOpenCheckouts();
  const checkouts: OpenCheckout[] = open.data ?? refusal ?? [];

  if (checkouts.length === 0) return refusalMessage ? <Alert>{refusalMessage}</Alert> : null;

  return (
    <section className="open-checkouts" aria-labelledby="open-checkouts-title" data-testid="open-checkouts">
      {refusalMessage && <Alert>{refusalMessage}</Alert>}
      <h3 id="open-checkouts-title" className="open-checkouts-title">
        {t("openCheckouts.title", { count: checkouts.length })}
      </h3>
      <p className="field-hint">{refusalMessage ? t("openCheckouts.tooMany") : t("openCheckouts.lead")}</p>
      <ul className="open-checkout-list">
        {checkouts.map((checkout) => (
          <li key={checkout.transaction_id}>
            <OpenCheckoutRow checkout={checkout} onCancelled={onCancelled} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function OpenCheckoutRow({ checkout, onCancelled }: { checkout: OpenCheckout; onCancelled?: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const cancel = useCancelCheckout();
  const details = [
    checkout.ticket_count === undefined ? undefined : t("booking.ticketCount", { count: checkout.ticket_count }),
    formatMoney(checkout.amount_minor, checkout.currency, locale),
  ].filter((part) => part !== undefined);

  return (
    <article className="open-checkout" data-testid="open-checkout" data-transaction-id={checkout.transaction_id}>
      <div className="open-checkout-info">
        <Link to={`/events/${checkout.event_id}`} className="open-checkout-event">
          <bdi>{checkout.event_name}</bdi>
        </Link>
        {details.length > 0 && <span className="muted"> · {details.join(" · ")}</span>}
        {checkout.expires_at && (
          <p className="field-hint">
            {t("openCheckouts.heldUntil", { time: formatTimeOfDay(checkout.expires_at, locale) })}
          </p>
        )}
      </div>
      <div className="open-checkout-actions">
        {checkout.checkout_url && (
          <a href={checkout.checkout_url} className="button button-primary button-small">
            {t("openCheckouts.continue")}
          </a>
        )}
        <BusyButton
          className="button button-secondary button-small"
          busy={cancel.isPending}
          onClick={() => cancel.mutate(checkout.transaction_id, { onSuccess: onCancelled })}
        >
          {t("openCheckouts.cancel")}
        </BusyButton>
      </div>
      {cancel.error && <Alert>{apiErrorMessage(t, cancel.error)}</Alert>}
    </article>
  );
}
