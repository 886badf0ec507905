import { lazy } from "react";
import { createBrowserRouter, RouterProvider } from "react-router";
import { HomePage } from "./features/home/HomePage";
import { Layout } from "./features/layout/Layout";
import { MyTicketsPage } from "./features/my-tickets/MyTicketsPage";
import { NotFoundPage } from "./features/not-found/NotFoundPage";
import { RequireAuth } from "./features/session/RequireAuth";

// The auth pages carry the phone-number metadata and form validation: load them on demand.
// Layout's Suspense boundary keeps the header on screen while they load.
const LoginPage = lazy(() => import("./features/auth/LoginPage").then((m) => ({ default: m.LoginPage })));
const SignupPage = lazy(() => import("./features/auth/SignupPage").then((m) => ({ default: m.SignupPage })));

const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "signup", element: <SignupPage /> },
      {
        path: "my-tickets",
        element: (
          <RequireAuth>
            <MyTicketsPage />
          </RequireAuth>
        ),
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
