import { createHmac, randomInt } from "node:crypto";
import { startSession } from "../../src/accounts/sessions";
import { loadConfig } from "../../src/config";
import type { Db } from "../../src/db/client";
import { customers, events, ticketCategories } from "../../src/db/schema";
import type { Deps } from "../../src/deps";
import { SecretBox } from "../../src/notifications/sealed-secrets";
import { systemClock } from "../../src/shared/clock";
import { FAULT_JWT_SECRET, FAULT_WEBHOOK_SECRET } from "./processes";

type Customer = typeof customers.$inferSelect;

/** What startSession and queueMessage need, configured like the processes the suite starts. */
export const faultDeps: Pick<Deps, "config" | "clock" | "secrets" | "wakeWorker"> = {
  config: loadConfig({ NODE_ENV: "test", JWT_SECRET: FAULT_JWT_SECRET, DATA_DIR: "/tmp/ticketrunners-faults-unused" }),
  clock: systemClock,
  secrets: new SecretBox(FAULT_JWT_SECRET),
  // The suite's servers poll the outbox themselves.
  wakeWorker: () => {},
};

// Numbers are handed out in sequence from a random start, so a run never repeats one.
let nextNumber = randomInt(0, 90_000_000);
/** A valid Egyptian mobile number in E.164 that no other call in this run returns. */
export function uniqueMobile(): string {
  nextNumber += 1;
  return `+2010${String(nextNumber % 100_000_000).padStart(8, "0")}`;
}

/** Customers inserted straight into the database (many at once, no OTP round trips). */
export async function insertCustomers(
  db: Db,
  count: number,
  options: { namePrefix?: string; withEmail?: boolean } = {},
): Promise<Customer[]> {
  const rows: Customer[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const mobile = uniqueMobile();
      return {
        mobileNumber: mobile,
        name: `${options.namePrefix ?? "Fault Customer"} ${start + i + 1}`,
        email: options.withEmail ? `c${mobile.slice(1)}@faults.test` : null,
        passwordHash: "not-a-real-hash",
      };
    });
    rows.push(...(await db.insert(customers).values(batch).returning()));
  }
  return rows;
}

/** An access token for each customer, signed with the servers' JWT_SECRET (as an OTP login would issue). */
export async function mintSessions(db: Db, people: Customer[], concurrency = 8): Promise<string[]> {
  const tokens: string[] = new Array(people.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length) {
        const i = next++;
        tokens[i] = (await startSession(faultDeps, db, people[i] as Customer)).access;
      }
    }),
  );
  return tokens;
}

/** An event a week away with one category of `capacity` seats: free (booked at once) unless priced. */
export async function insertEvent(db: Db, options: { capacity: number; priceMinor?: number; name?: string }) {
  const [event] = await db
    .insert(events)
    .values({
      name: options.name ?? "Fault Suite Live",
      venue: "Test Hall, Cairo",
      startsAt: new Date(Date.now() + 7 * 86_400_000),
    })
    .returning();
  if (!event) throw new Error("event insert returned nothing");
  const [category] = await db
    .insert(ticketCategories)
    .values({
      eventId: event.id,
      name: "Regular",
      priceMinor: options.priceMinor ?? 0,
      capacity: options.capacity,
    })
    .returning();
  if (!category) throw new Error("category insert returned nothing");
  return { event, category };
}

export interface SandboxWebhook {
  raw: string;
  headers: Record<string, string>;
}

/** A sandbox gateway webhook, signed independently of the product's code: `t=<secs>,v1=HMAC(secret, "t.body")`. */
export function sandboxWebhook(body: {
  event_id: string;
  transaction_id: string;
  status: "paid" | "failed";
  reference: string;
  amount_minor: number;
  currency: string;
}): SandboxWebhook {
  const raw = JSON.stringify(body);
  const t = Math.floor(Date.now() / 1000);
  const v1 = createHmac("sha256", FAULT_WEBHOOK_SECRET).update(`${t}.${raw}`).digest("hex");
  return { raw, headers: { "content-type": "application/json", "x-sandbox-signature": `t=${t},v1=${v1}` } };
}
