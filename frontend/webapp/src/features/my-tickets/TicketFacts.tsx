import { useTranslation } from "react-i18next";
import { Fact } from "../../components/Fact";
import { LtrText } from "../../components/LtrText";
import type { TicketView } from "../../lib/api/types";

export function CategoryFact({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  return (
    <Fact term={t("myTickets.category")}>
      <bdi>{ticket.category.name}</bdi>
    </Fact>
  );
}

export function TicketNumberFact({ ticket }: { ticket: TicketView }) {
  const { t } = useTranslation();
  return (
    <Fact term={t("myTickets.ticketNumber")} data-testid="ticket-number">
      <LtrText>{ticket.ticket_number}</LtrText>
    </Fact>
  );
}
