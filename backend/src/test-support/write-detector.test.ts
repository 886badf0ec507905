import { eq, sql } from "drizzle-orm";
import { describe, expect } from "vitest";
import { customers, events, otpCodes } from "../db/schema";
import { appTest as it } from "./app-test";
import { createEvent, insertCustomer } from "./factories";
import { uniqueMobile } from "./phone-numbers";
import { deleted, inserted, updated, watchWrites } from "./write-detector";

// The bad-input suites trust this detector to say "nothing was written": it must see every kind of write.
describe(watchWrites.name, () => {
  it("reports nothing for reads, and for a transaction that rolled back", async ({ t }) => {
    const writes = await watchWrites(t.database.db);
    await t.database.db.select().from(customers);
    await t.call("GET", "/api/v1/public/events/");
    await t.database.db
      .transaction(async (tx) => {
        await tx.insert(events).values({ name: "Never", venue: "Nowhere", startsAt: new Date() });
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(await writes.take()).toEqual({});
  });

  it("sees inserts, updates (even of a value to itself) and deletes, table by table", async ({ t }) => {
    const { customer } = await insertCustomer(t);
    await createEvent(t, { prices: [0, 100] });
    const writes = await watchWrites(t.database.db);

    await insertCustomer(t);
    expect(await writes.take()).toEqual({ customers: inserted(1), refresh_tokens: inserted(1) });
    await t.database.db.update(customers).set({ name: customer.name }).where(eq(customers.id, customer.id));
    expect(await writes.take()).toEqual({ customers: updated(1) });
    await t.database.db.execute(sql`delete from ticket_categories where price_minor = 100`);
    expect(await writes.take()).toEqual({ ticket_categories: deleted(1) });
    expect(await writes.take()).toEqual({});
  });

  it("sees what a request wrote: a code and its SMS for a register", async ({ t }) => {
    const writes = await watchWrites(t.database.db);
    const res = await t.call("POST", "/api/v1/users/register/", { mobile_number: uniqueMobile().local, name: "Check" });
    expect(res.statusCode).toBe(200);
    expect(await writes.take()).toEqual({ otp_codes: inserted(1), notifications: inserted(1) });
    const [code] = await t.database.db.select().from(otpCodes).where(eq(otpCodes.id, res.json().signup_id));
    expect(code?.attempts).toBe(0);
  });
});
