import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In development the API runs on its own port; the proxy keeps every call same-origin, as in production
// where the backend serves this build.
const backend = "http://localhost:8000";

const packages = (...names: string[]) => new RegExp(`node_modules[\\\\/](${names.join("|")})[\\\\/]`);

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across releases, and
        // the form and phone-number code loads only with the pages that need it.
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
            { name: "forms", test: packages("zod", "libphonenumber-js", "react-hook-form", "@hookform") },
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
