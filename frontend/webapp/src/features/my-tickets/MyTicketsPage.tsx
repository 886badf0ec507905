import { useTranslation } from "react-i18next";
import { useDocumentTitle } from "../../lib/use-document-title";
import { MyTicketsTabs } from "./MyTicketsTabs";

export function MyTicketsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t("myTickets.title"));
  return (
    <section className="page" aria-labelledby="my-tickets-title">
      <h1 id="my-tickets-title">{t("myTickets.title")}</h1>
      <MyTicketsTabs />
    </section>
  );
}
