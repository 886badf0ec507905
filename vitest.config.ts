import { defineConfig } from "vitest/config";

const backendTests = ["backend/src/**/*.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "backend-pglite",
          include: backendTests,
          env: { TEST_DB: "pglite" },
          globalSetup: ["backend/src/test-support/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "backend-postgres",
          include: backendTests,
          env: { TEST_DB: "postgres" },
          globalSetup: ["backend/src/test-support/global-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "faults",
          include: ["backend/faults/**/*.fault.test.ts"],
          env: { TEST_DB: "postgres" },
          globalSetup: ["backend/src/test-support/global-setup.ts"],
          testTimeout: 300_000,
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: { name: "webapp", include: ["frontend/webapp/src/**/*.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["frontend/webapp/e2e/**/*.e2e.test.ts"],
          testTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
