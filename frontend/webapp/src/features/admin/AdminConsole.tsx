import { Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, NavLink, Route, Routes } from "react-router";
import { NotFoundPage } from "../not-found/NotFoundPage";
import { AuditPage } from "./audit/AuditPage";
import { CustomersPage } from "./customers/CustomersPage";
import { AdminEventPage } from "./events/AdminEventPage";
import { AttendeesTab } from "./events/AttendeesTab";
import { CheckinTab } from "./events/CheckinTab";
import { EventDetailsTab } from "./events/EventDetailsTab";
import { EventsPage } from "./events/EventsPage";
import { NewEventPage } from "./events/NewEventPage";
import { PreviewTab } from "./events/PreviewTab";
import { SalesTab } from "./events/SalesTab";
import { MessagesPage } from "./messages/MessagesPage";

/**
 * `/admin/*`, the operator console (inside RequireAdmin, loaded on demand): a side menu (a row of tabs on
 * narrow screens) and its pages. Each event has its own tabs: details and categories, the public page's
 * preview (where it is published), sales, attendees and check-in counts.
 */
export function AdminConsole() {
  const { t } = useTranslation();
  return (
    <div className="admin-console">
      <nav className="admin-menu" aria-label={t("admin.menuLabel")}>
        <NavLink to="/admin/events">{t("admin.menu.events")}</NavLink>
        <NavLink to="/admin/messages">{t("admin.menu.messages")}</NavLink>
        <NavLink to="/admin/customers">{t("admin.menu.customers")}</NavLink>
        <NavLink to="/admin/audit">{t("admin.menu.audit")}</NavLink>
      </nav>
      <div className="admin-content">
        <Suspense fallback={<p className="page-loading">{t("common.loading")}</p>}>
          <Routes>
            <Route index element={<Navigate to="events" replace />} />
            <Route path="events" element={<EventsPage />} />
            <Route path="events/new" element={<NewEventPage />} />
            <Route path="events/:id" element={<AdminEventPage />}>
              <Route index element={<EventDetailsTab />} />
              <Route path="preview" element={<PreviewTab />} />
              <Route path="sales" element={<SalesTab />} />
              <Route path="attendees" element={<AttendeesTab />} />
              <Route path="check-in" element={<CheckinTab />} />
            </Route>
            <Route path="messages" element={<MessagesPage />} />
            <Route path="customers" element={<CustomersPage />} />
            <Route path="audit" element={<AuditPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Suspense>
      </div>
    </div>
  );
}
