// First: zod must be jitless before any schema is built (the shared package builds them as it loads).
import "./lib/zod-config";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { bindSessionToQueryCache } from "./features/session/bind-query-cache";
import { createI18n } from "./i18n";
import { ApiError } from "./lib/api/client";
import { sessionStore } from "./lib/session-store";
import "./styles.css";

createI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network blips and 5xx might.
      retry: (failureCount, error) =>
        failureCount < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});
bindSessionToQueryCache(sessionStore, queryClient);

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
