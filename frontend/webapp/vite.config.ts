import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs on its own port; the proxy keeps every call same-origin, as in production
// where the backend serves this build.
const backend = "http://localhost:8000";

const packages = (...names: string[]) => new RegExp(`node_modules[\\\\/](${names.join("|")})[\\\\/]`);
const zodConfig = /[\\/]src[\\/]lib[\\/]zod-config\.ts$/;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: {
        // The shared package only declares schemas, types and functions. Saying so lets a module import
        // one of them from the package's index (a price format, the error body's schema) without making
        // every other shared module, and the phone-number metadata behind them, part of the first load.
        moduleSideEffects: (id) => (/[\\/]shared[\\/]src[\\/]/.test(id) ? false : undefined),
      },
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases, and
        // the form and phone-number code loads only with the pages that need it. zod has its own chunk:
        // the API client parses every answer with its shared schema, so the first page needs it.
        codeSplitting: {
          groups: [
            {
              name: "react",
              test: packages(
                "react",
                "react-dom",
                "scheduler",
                "react-router",
                "@tanstack",
                "i18next",
                "react-i18next",
              ),
            },
            // zod-config rides in zod's chunk: whatever loads zod gets it configured before any schema exists.
            { name: "zod", test: (id) => packages("zod").test(id) || zodConfig.test(id) },
            { name: "forms", test: packages("libphonenumber-js", "react-hook-form", "@hookform") },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": backend,
      "/health": backend,
      "^/dev(/|$)": backend,
    },
  },
});
