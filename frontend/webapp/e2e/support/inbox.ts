import type { DevOutboxMessage } from "@ticketrunners/shared";
import type { RunningServer } from "./server";

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Waits (up to 20 s) for a message in the dev inbox that matches, and returns it. */
export async function waitForMessage(
  server: RunningServer,
  what: string,
  matches: (message: DevOutboxMessage) => boolean,
): Promise<DevOutboxMessage> {
  const until = Date.now() + 20_000;
  for (;;) {
    const message = (await server.outbox()).find(matches);
    if (message) return message;
    if (Date.now() > until) throw new Error(`the dev inbox got no ${what} within 20 s`);
    await sleep(250);
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The claim link in a message: `{FRONTEND_URL}/signup?token=` and the whole 43-character token. */
export function claimLinkIn(server: RunningServer, text: string): string | undefined {
  const pattern = new RegExp(`${escapeRegExp(server.baseUrl)}/signup\\?token=[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])`);
  return text.match(pattern)?.[0];
}
