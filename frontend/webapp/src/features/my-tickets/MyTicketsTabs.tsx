import { type KeyboardEvent, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { LoadError } from "../../components/LoadError";
import { PageLoading } from "../../components/PageLoading";
import { OwnedTickets } from "./OwnedTickets";
import { SentTickets } from "./SentTickets";
import { useMyTickets } from "./use-my-tickets";

type Tab = "owned" | "sent";
const TABS: readonly Tab[] = ["owned", "sent"];

/**
 * The customer's tickets in two tabs: the ones they hold (bought, or given to them — those appear
 * here on their own once their number is verified, with nothing to claim) and the ones they gave
 * away, with whether each was claimed and whether its SMS and email arrived. The tab is in the URL
 * (`?tab=sent`) so it survives a reload and can be linked to.
 */
export function MyTicketsTabs() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab: Tab = searchParams.get("tab") === "sent" ? "sent" : "owned";
  const tickets = useMyTickets();
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ owned: null, sent: null });

  const select = (next: Tab) => {
    setSearchParams(next === "owned" ? {} : { tab: next }, { replace: true });
    tabRefs.current[next]?.focus();
  };
  // The usual tabs keyboard pattern: arrows move between tabs (mirrored in right-to-left layouts).
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    select(tab === "owned" ? "sent" : "owned");
  };

  const counts = { owned: tickets.data?.owned.length, sent: tickets.data?.sent.length };

  return (
    <div className="tickets-tabs">
      <div className="tablist" role="tablist" aria-label={t("myTickets.tabsLabel")}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(el) => {
              tabRefs.current[name] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${name}`}
            aria-controls={`panel-${name}`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            className="tab"
            data-testid={`tab-${name}`}
            onClick={() => select(name)}
            onKeyDown={onKeyDown}
          >
            {name === "owned" ? t("myTickets.tabOwned") : t("myTickets.tabSent")}
            {counts[name] !== undefined && <span className="tab-count">{counts[name]}</span>}
          </button>
        ))}
      </div>
      <div className="tabpanel" role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tickets.isPending && <PageLoading />}
        {tickets.isError && (
          <LoadError query={tickets} message={t("myTickets.loadError")} retryLabel={t("myTickets.retry")} />
        )}
        {tickets.data && tab === "owned" && <OwnedTickets tickets={tickets.data.owned} />}
        {tickets.data && tab === "sent" && <SentTickets tickets={tickets.data.sent} />}
      </div>
    </div>
  );
}
