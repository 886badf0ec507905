import type { AuthTokens } from "@ticketrunners/shared";
import type { Browser, Page } from "playwright-core";
import { test } from "vitest";
import { launchBrowser, newPage } from "./browser";
import { logIn } from "./flows";
import { freshPerson, type Person, type RegisteredPerson, registeredPerson, registerThroughApi } from "./people";
import { type RunningServer, type ServerOptions, startServer } from "./server";

export type Cleanup = { onCleanup: (cleanup: () => Promise<void>) => void };

/** The real product on a fresh database for a file's tests (a `server` fixture), stopped after the last one. */
export async function serveFile(onCleanup: Cleanup["onCleanup"], options?: ServerOptions): Promise<RunningServer> {
  const server = await startServer(options);
  onCleanup(() => server.stop());
  return server;
}

/** A Chromium for a file's tests (a `browser` fixture), closed after the last one. */
// biome-ignore lint/correctness/noEmptyPattern: vitest reads what a fixture depends on from this pattern
export const browserFixture = async ({}, { onCleanup }: Cleanup): Promise<Browser> => {
  const browser = await launchBrowser();
  onCleanup(() => browser.close());
  return browser;
};

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
  .extend("server", { scope: "file" }, async ({}, { onCleanup }: Cleanup) => serveFile(onCleanup))
  .extend("browser", { scope: "file" }, browserFixture);

/**
 * `e2eTest` with a buyer, for the tests about what happens to tickets someone bought for others:
 * `buyer` has an account (made through the API, with its `tokens`) and is logged in on `buyerPage`.
 * One of each per file, like the server.
 */
export const buyerTest = e2eTest
  .extend(
    "buyer",
    { scope: "file" },
    async ({ server }: { server: RunningServer }): Promise<RegisteredPerson> => registeredPerson(server, "Mona"),
  )
  .extend(
    "buyerPage",
    { scope: "file" },
    async ({ server, browser, buyer }: { server: RunningServer; browser: Browser; buyer: Person }): Promise<Page> => {
      const page = await newPage(browser);
      await logIn(page, server, buyer);
      return page;
    },
  );

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
  .extend("server", { scope: "file" }, async ({ staff }: { staff: readonly Person[] }, { onCleanup }: Cleanup) =>
    serveFile(onCleanup, { adminMobileNumbers: staff.map((person) => person.mobile.e164) }),
  )
  .extend(
    "staffAccounts",
    { scope: "file" },
    async ({ server, staff }: { server: RunningServer; staff: readonly Person[] }): Promise<AuthTokens[]> => {
      const accounts: AuthTokens[] = [];
      for (const person of staff) accounts.push(await registerThroughApi(server, person));
      return accounts;
    },
  )
  .extend("browser", { scope: "file" }, browserFixture);
