import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { notifications } from "../db/schema";
import { startFakeHttpServer } from "../test-support/fakes/http-server";
import { createTestApp } from "../test-support/test-app";
import { createTestDatabase } from "../test-support/test-database";
import { queueMessage } from "./outbox";

describe("graceful shutdown", () => {
  it("stops taking requests, and waits for the message being sent before it returns", async () => {
    let release: () => void = () => {};
    const gateway = await startFakeHttpServer(
      () =>
        new Promise((resolve) => {
          release = () => resolve({ status: 200, json: { message_id: "late-but-sent" } });
        }),
    );
    const database = await createTestDatabase();
    const t = await createTestApp({
      database,
      env: { WORKER: "true", SMS_PROVIDER: "http", SMS_HTTP_URL: `${gateway.origin}/send` },
    });
    try {
      await queueMessage(t.runtime.deps, database.db, {
        channel: "sms",
        recipient: "+201000000099",
        template: "test",
        locale: "en",
        body: "in flight at shutdown",
        dedupeKey: "shutdown:1",
      });
      t.runtime.deps.wakeWorker();
      await expect.poll(() => gateway.requests.length, { timeout: 10_000 }).toBe(1);

      let closed = false;
      const closing = t.runtime.close().then(() => {
        closed = true;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(closed).toBe(false);
      const afterClose = await t.app.inject({ method: "GET", url: "/health" }).catch((err: Error) => err);
      expect(afterClose).toBeInstanceOf(Error);

      release();
      await closing;
      const [row] = await database.db.select().from(notifications).where(eq(notifications.dedupeKey, "shutdown:1"));
      expect(row).toMatchObject({ status: "sent", providerMessageId: "late-but-sent" });
      expect(gateway.requests).toHaveLength(1);
    } finally {
      await database.close();
      await gateway.close();
    }
  });
});
