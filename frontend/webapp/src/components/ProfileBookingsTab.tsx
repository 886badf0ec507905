import { useTranslation } from "react-i18next";

/** The customer's tickets. Slice 1 has no tickets API yet, so this is the empty state. */
export function ProfileBookingsTab() {
  const { t } = useTranslation();
  return (
    <div className="empty-state">
      <svg className="empty-state-icon" viewBox="0 0 48 48" aria-hidden="true">
        <path
          d="M8 14h32v7a3 3 0 0 0 0 6v7H8v-7a3 3 0 0 0 0-6z"
          fill="none"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinejoin="round"
        />
        <path d="M30 14v20" stroke="currentColor" strokeWidth="2.5" strokeDasharray="3 3" />
      </svg>
      <p className="empty-state-title">{t("myTickets.empty")}</p>
      <p className="empty-state-hint">{t("myTickets.emptyHint")}</p>
    </div>
  );
}
