import { test } from "vitest";
import { serveOverHttp } from "./http-client";
import { createTestApp, type TestApp, type TestAppOptions } from "./test-app";

/** What vitest hands a builder fixture besides the other fixtures. */
export type Cleanup = { onCleanup: (cleanup: () => Promise<void> | void) => void };

/**
 * A file-scoped fixture for something started once per file and stopped after the file's last test
 * (a fake SMTP server, an SMS gateway). For `appTest.extend(name, { scope: "file" }, fileResource(…))`.
 */
export const fileResource =
  <T>(start: () => Promise<T>, stop: (value: T) => Promise<unknown> | unknown) =>
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
  async ({}, { onCleanup }: Cleanup): Promise<T> => {
    const value = await start();
    onCleanup(async () => {
      await stop(value);
    });
    return value;
  };

/**
 * A file-scoped fixture: one test app on its own database (a copy of the migrated template, see
 * test-database.ts) with a fixed clock, made for the first test of the file that asks for it and closed
 * after the file's last test.
 */
export const testApp = (options: TestAppOptions = {}) =>
  fileResource(
    () => createTestApp(options),
    (app) => app.close(),
  );

/** Starts a test app closed after the file's last test: for a fixture whose app needs other fixtures (a fake server). */
export async function startTestApp(onCleanup: Cleanup["onCleanup"], options: TestAppOptions): Promise<TestApp> {
  const app = await createTestApp(options);
  onCleanup(() => app.close());
  return app;
}

/**
 * `it`/`test` with a test app: `t` (in-process, `t.call` answers through `inject`) and `http` (the same
 * app on a loopback port, spoken to with fetch, as a client on the network would). Both are made on
 * first use and shared by every test of the file.
 *
 * ```ts
 * import { appTest as it } from "../test-support/app-test";
 * it("refuses …", async ({ t, http }) => { … });
 * ```
 *
 * Other settings for the whole file: `appTest.override("t", { scope: "file" }, testApp({ env }))` at the
 * top of the file; settings that need another fixture (a fake gateway's address):
 * `.override("t", { scope: "file" }, ({ gateway }, { onCleanup }) => startTestApp(onCleanup, { env }))`.
 * A second app: `appTest.extend("strict", { scope: "file" }, testApp({ env }))`.
 */
export const appTest = test
  .extend("t", { scope: "file" }, testApp())
  .extend("http", { scope: "file" }, async ({ t }) => serveOverHttp(t));
