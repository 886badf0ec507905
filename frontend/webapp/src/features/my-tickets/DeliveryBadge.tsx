import { useTranslation } from "react-i18next";
import type { DeliveryStatus } from "../../lib/api/types";

const DELIVERY_TONE: Record<DeliveryStatus, string> = {
  sent: "success",
  queued: "info",
  sending: "info",
  failed: "warning",
  dead: "danger",
  none: "muted",
};

/** Whether a given ticket's SMS or email arrived. */
export function DeliveryBadge({ status, channel }: { status: DeliveryStatus; channel: "sms" | "email" }) {
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
