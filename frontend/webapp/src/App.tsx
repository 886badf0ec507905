import { lazy } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { RequireAdmin } from "./features/admin/RequireAdmin";
import { HomePage } from "./features/home/HomePage";
import { Layout } from "./features/layout/Layout";
import { NotFoundPage } from "./features/not-found/NotFoundPage";
import { RequireAuth } from "./features/session/RequireAuth";
import { RequireStaff } from "./features/session/RequireStaff";

// The auth pages carry the phone-number metadata and form validation: load them on demand.
// Layout's Suspense boundary keeps the header on screen while they load.
const LoginPage = lazy(() => import("./features/auth/LoginPage").then((m) => ({ default: m.LoginPage })));
const SignupPage = lazy(() => import("./features/auth/SignupPage").then((m) => ({ default: m.SignupPage })));
// The booking form validates with the shared request schema (zod, phone metadata): also on demand.
const EventPage = lazy(() => import("./features/events/EventPage").then((m) => ({ default: m.EventPage })));
// My Tickets formats recipients' numbers with the phone-number metadata.
const MyTicketsPage = lazy(() =>
  import("./features/my-tickets/MyTicketsPage").then((m) => ({ default: m.MyTicketsPage })),
);
const TicketPage = lazy(() => import("./features/my-tickets/TicketPage").then((m) => ({ default: m.TicketPage })));
// The account form validates names and emails with the shared schemas.
const AccountPage = lazy(() => import("./features/account/AccountPage").then((m) => ({ default: m.AccountPage })));
// Door staff only, with the camera's QR decoder: nobody else downloads it.
const CheckInPage = lazy(() => import("./features/check-in/CheckInPage").then((m) => ({ default: m.CheckInPage })));
// The operator console: operators only, so nobody else downloads it. Its pages are routed in AdminConsole.
const AdminConsole = lazy(() => import("./features/admin/AdminConsole").then((m) => ({ default: m.AdminConsole })));
const PaymentConfirmationPage = lazy(() =>
  import("./features/checkout/PaymentConfirmationPage").then((m) => ({ default: m.PaymentConfirmationPage })),
);

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "signup", element: <SignupPage /> },
      { path: "events/:id", element: <EventPage /> },
      {
        // The payment gateway sends the browser back here with signed query parameters.
        path: "payments/confirmation",
        element: (
          <RequireAuth>
            <PaymentConfirmationPage />
          </RequireAuth>
        ),
      },
      {
        path: "my-tickets",
        element: (
          <RequireAuth>
            <MyTicketsPage />
          </RequireAuth>
        ),
      },
      {
        path: "my-tickets/:id",
        element: (
          <RequireAuth>
            <TicketPage />
          </RequireAuth>
        ),
      },
      {
        path: "account",
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: "check-in",
        element: (
          <RequireAuth>
            <RequireStaff>
              <CheckInPage />
            </RequireStaff>
          </RequireAuth>
        ),
      },
      {
        // Anyone but an operator, signed in or not, finds no such page.
        path: "admin/*",
        element: (
          <RequireAdmin>
            <AdminConsole />
          </RequireAdmin>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
