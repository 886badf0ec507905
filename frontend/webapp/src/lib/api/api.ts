import i18n from "i18next";
import { sessionStore } from "../session-store";
import { createApiClient } from "./client";

/**
 * The app's client: same origin (the backend serves the webapp; Vite proxies in development), with the
 * session store's tokens and the UI language. Made here, where both are known, so that `client.ts`
 * depends on neither.
 */
export const api = createApiClient({ store: sessionStore, locale: () => i18n.language });
