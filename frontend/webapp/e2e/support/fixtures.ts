import type { AuthTokens } from "@ticketrunners/shared";
import { test } from "vitest";
import { launchBrowser } from "./browser";
import { freshPerson, type Person, registerThroughApi } from "./people";
import { type RunningServer, startServer } from "./server";

type Cleanup = { onCleanup: (cleanup: () => Promise<void>) => void };

/**
 * `it` with the real product running on a fresh database (`server`) and a Chromium (`browser`): one of
 * each per file, started for the file's first test that asks for it and stopped after its last test.
 *
 * ```ts
 * import { e2eTest as it } from "./support/fixtures";
 * it("books …", async ({ server, browser }) => { const page = await newPage(browser); … });
 * ```
 */
export const e2eTest = test
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
  .extend("server", { scope: "file" }, async ({}, { onCleanup }: Cleanup) => {
    const server = await startServer();
    onCleanup(() => server.stop());
    return server;
  })
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }: Cleanup) => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  });

/**
 * `e2eTest` with door staff: `staff` are two new people whose numbers the server was started with in
 * ADMIN_MOBILE_NUMBERS, so signing up with them (`staffAccounts`, through the API) makes them operators
 * who may check tickets in. Two, because a number is texted one login code a minute: each test that
 * logs in in the browser takes its own. One pair per file, like the server.
 */
export const staffTest = test
  .extend(
    "staff",
    { scope: "file" },
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
    async ({}): Promise<readonly [Person, Person]> => [freshPerson("Omar"), freshPerson("Nadia")],
  )
  .extend("server", { scope: "file" }, async ({ staff }: { staff: readonly Person[] }, { onCleanup }: Cleanup) => {
    const server = await startServer({ adminMobileNumbers: staff.map((person) => person.mobile.e164) });
    onCleanup(() => server.stop());
    return server;
  })
  .extend(
    "staffAccounts",
    { scope: "file" },
    async ({ server, staff }: { server: RunningServer; staff: readonly Person[] }): Promise<AuthTokens[]> => {
      const accounts: AuthTokens[] = [];
      for (const person of staff) accounts.push(await registerThroughApi(server, person));
      return accounts;
    },
  )
  // biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
  .extend("browser", { scope: "file" }, async ({}, { onCleanup }: Cleanup) => {
    const browser = await launchBrowser();
    onCleanup(() => browser.close());
    return browser;
  });
