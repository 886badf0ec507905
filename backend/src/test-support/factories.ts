import { createHmac } from "node:crypto";
import type { BookResponse, CheckoutResponse, Locale } from "@ticketrunners/shared";
import { eq } from "drizzle-orm";
import { type Session, startSession } from "../accounts/sessions";
import { customers, events, payments, ticketCategories, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { SANDBOX_SIGNATURE_HEADER, type SandboxWebhookBody, sandboxSecret } from "../payments/providers/sandbox";
import { DAY } from "../shared/clock";
import type { HttpAnswer, HttpClient } from "./http-client";
import { type MobileNumber, uniqueMobile } from "./phone-numbers";
import type { TestApp } from "./test-app";

/*
 * The people, events and purchases tests are set in, made one way for the unit tests, the fault suite
 * and the benchmark. Rows go straight into the database where the test is not about how they got
 * there (many buyers, an event); purchases and sign-ups go through the API, as a client makes them.
 */

/** What the database factories write with: a test app, or the database and settings of a process a suite runs. */
export type Seed = TestApp | SeedDeps;
export type SeedDeps = Pick<Deps, "db" | "clock" | "config">;

const depsOf = (seed: Seed): SeedDeps => ("runtime" in seed ? seed.runtime.deps : seed);

export type Customer = typeof customers.$inferSelect;

// ---------------------------------------------------------------------------------------------------
// People

export interface PersonOverrides {
  name?: string;
  email?: string | null;
  locale?: Locale;
  /** E.164; a fresh number otherwise. */
  mobile?: string;
}

const customerRow = (person: PersonOverrides) => ({
  mobileNumber: person.mobile ?? uniqueMobile().e164,
  name: person.name ?? "Test Buyer",
  email: person.email ?? null,
  locale: person.locale ?? "en",
  passwordHash: "not-a-real-hash",
});

/** A customer inserted straight into the database, signed in (access and refresh tokens): a buyer, a friend. */
export async function insertCustomer(seed: Seed, person: PersonOverrides = {}) {
  const deps = depsOf(seed);
  const [customer] = await deps.db.insert(customers).values(customerRow(person)).returning();
  if (!customer) throw new Error("customer insert returned nothing");
  const session = await startSession(deps, deps.db, customer);
  return { ...session, customer, e164: customer.mobileNumber };
}

export type InsertedCustomer = Awaited<ReturnType<typeof insertCustomer>>;

/** `count` customers at once, 500 rows an insert, without sessions (`startSessions` signs them in). */
export async function insertCustomers(
  seed: Seed,
  count: number,
  options: { namePrefix?: string; withEmail?: boolean } = {},
): Promise<Customer[]> {
  const { db } = depsOf(seed);
  const rows: Customer[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Array.from({ length: Math.min(500, count - start) }, (_, i) => {
      const { e164 } = uniqueMobile();
      const name = `${options.namePrefix ?? "Test Customer"} ${start + i + 1}`;
      return customerRow({ mobile: e164, name, email: options.withEmail ? `c${e164.slice(1)}@example.test` : null });
    });
    rows.push(...(await db.insert(customers).values(batch).returning()));
  }
  return rows;
}

/** An access token for each customer, as an OTP login would issue it, `concurrency` sessions at a time. */
export async function startSessions(seed: Seed, people: Customer[], concurrency = 8): Promise<string[]> {
  const deps = depsOf(seed);
  const tokens: string[] = new Array(people.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people.length) {
        const i = next++;
        tokens[i] = (await startSession(deps, deps.db, people[i] as Customer)).access;
      }
    }),
  );
  return tokens;
}

/** A customer made an operator (role admin), signed in. */
export async function insertOperator(seed: Seed) {
  const admin = await insertCustomer(seed, { name: "Operator" });
  await depsOf(seed).db.update(customers).set({ role: "admin" }).where(eq(customers.id, admin.customer.id));
  return admin;
}

// ---------------------------------------------------------------------------------------------------
// Events

export interface EventOptions {
  name?: string;
  /** Seats in each category. */
  capacity?: number;
  /** One category per price (minor units; 0 is free). */
  prices?: number[];
  /** Without `prices`: this many categories, the n-th priced n × `priceMinor` (free when it is 0). */
  categories?: number;
  priceMinor?: number;
  /** A week from now unless given. */
  startsAt?: Date;
}

/**
 * An event with free or priced categories (`capacity` seats each, 100 unless given), starting in a
 * week. Free tickets are booked at once (`bookFreeTickets`); priced ones need a checkout (`buyTickets`).
 */
export async function createEvent(seed: Seed, options: EventOptions = {}) {
  const { db, clock } = depsOf(seed);
  const prices =
    options.prices ?? Array.from({ length: options.categories ?? 1 }, (_, i) => (options.priceMinor ?? 0) * (i + 1));
  const [event] = await db
    .insert(events)
    .values({
      name: options.name ?? "Test Concert",
      venue: "Test Hall, Cairo",
      startsAt: options.startsAt ?? new Date(clock.now().getTime() + 7 * DAY),
    })
    .returning();
  if (!event) throw new Error("event insert returned nothing");
  const categories = await db
    .insert(ticketCategories)
    .values(
      prices.map((priceMinor, i) => ({
        eventId: event.id,
        name: i === 0 ? "Regular" : `Category ${i + 1}`,
        priceMinor,
        capacity: options.capacity ?? 100,
      })),
    )
    .returning();
  return { event, categories, category: categories[0] as (typeof categories)[number] };
}

// ---------------------------------------------------------------------------------------------------
// Talking to the API, in-process (a test app) or over real HTTP (its HttpClient)

/** A test app (answered in-process by `inject`) or a client of one over real HTTP. */
export type Api = TestApp | HttpClient;

async function post(api: Api, path: string, body: unknown, token?: string): Promise<Omit<HttpAnswer, "headers">> {
  if ("post" in api) return api.post(path, body, token);
  const res = await api.call("POST", path, body, token);
  return { status: res.statusCode, body: res.body ? res.json() : undefined };
}

async function expectAnswer(api: Api, status: number, path: string, body: unknown, token?: string) {
  const res = await post(api, path, body, token);
  if (res.status !== status) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Assignee {
  name?: string;
  mobile_number: string;
  email?: string;
  locale?: Locale;
}

export interface PurchaseBody {
  event_id: string;
  items: { category_id: string; quantity: number; assignees?: (Assignee | null)[] }[];
}

/**
 * The body most purchases send: tickets of one category, `quantity` of them for the buyer, or one per
 * entry of `assignees` (`null` is the buyer's own).
 */
export const purchaseOf = (
  category: { id: string; eventId: string },
  who: number | (Assignee | null)[],
): PurchaseBody => ({
  event_id: category.eventId,
  items: [
    typeof who === "number"
      ? { category_id: category.id, quantity: who }
      : { category_id: category.id, quantity: who.length, assignees: who },
  ],
});

/** Books free tickets through `tickets/book`, which issues them at once. */
export const bookFreeTickets = (api: Api, access: string, body: PurchaseBody): Promise<BookResponse> =>
  expectAnswer(api, 201, "/api/v1/tickets/book/", body, access);

/** Starts a checkout through `payments/process` and leaves it open: the seats stay held, nothing is paid. */
export const startCheckout = (api: Api, access: string, body: PurchaseBody): Promise<CheckoutResponse> =>
  expectAnswer(api, 201, "/api/v1/payments/process/", body, access);

// ---------------------------------------------------------------------------------------------------
// The sandbox gateway's webhook, signed here independently of the product's signing code

export interface SignedWebhook {
  raw: string;
  headers: Record<string, string>;
}

/** A sandbox webhook signed as the gateway signs it: `t=<seconds>,v1=HMAC-SHA256(secret, "<t>.<body>")`. */
export function sandboxWebhook(body: SandboxWebhookBody, signing: { secret: string; at?: Date }): SignedWebhook {
  const raw = JSON.stringify(body);
  const t = Math.floor((signing.at ?? new Date()).getTime() / 1000);
  const v1 = createHmac("sha256", signing.secret).update(`${t}.${raw}`).digest("hex");
  return { raw, headers: { "content-type": "application/json", [SANDBOX_SIGNATURE_HEADER]: `t=${t},v1=${v1}` } };
}

/**
 * The gateway's word that a payment went through (or failed), signed with the test app's sandbox
 * secret; in-process, or over real HTTP through `via`.
 */
export async function gatewayReports(
  t: TestApp,
  paymentId: string,
  options: { status?: "paid" | "failed"; via?: HttpClient } = {},
) {
  const [payment] = await t.database.db.select().from(payments).where(eq(payments.id, paymentId));
  if (!payment) throw new Error(`no payment ${paymentId}`);
  const hook = sandboxWebhook(
    {
      event_id: `evt_${paymentId}`,
      transaction_id: paymentId,
      status: options.status ?? "paid",
      reference: `sbx_${paymentId.slice(0, 8)}`,
      amount_minor: payment.amountMinor,
      currency: payment.currency,
    },
    { secret: sandboxSecret(t.runtime.deps.config), at: t.clock.now() },
  );
  const path = "/api/v1/payments/webhook/sandbox/";
  if (options.via) return options.via.request("POST", path, { body: JSON.parse(hook.raw), headers: hook.headers });
  const res = await t.app.inject({ method: "POST", url: path, headers: hook.headers, payload: hook.raw });
  return { status: res.statusCode, body: res.json() };
}

/**
 * Buys priced tickets the way a buyer does: a checkout, then the sandbox gateway's signed webhook
 * saying it was paid. Returns the tickets the payment issued, in purchase order.
 */
export async function buyTickets(t: TestApp, access: string, body: PurchaseBody) {
  const { transaction_id: paymentId } = await startCheckout(t, access, body);
  const webhook = await gatewayReports(t, paymentId);
  if (webhook.status !== 200) throw new Error(`webhook failed: ${JSON.stringify(webhook.body)}`);
  const issued = await t.database.db.select().from(tickets).where(eq(tickets.paymentId, paymentId));
  return { payment_id: paymentId, tickets: issued.sort((a, b) => a.position - b.position) };
}

/**
 * A buyer (Mona Buyer, with an email) gives free tickets for a new event to `assignees` (`null`: her
 * own), and every message is delivered. Returns her, the event and the booking.
 */
export async function giveTickets(
  t: TestApp,
  assignees: (Assignee | null)[],
  options: { eventName?: string; locale?: Locale } = {},
) {
  const buyer = await insertCustomer(t, { name: "Mona Buyer", email: "mona@example.com", locale: options.locale });
  const { event, category } = await createEvent(t, { name: options.eventName ?? "Cairo Jazz Night" });
  const booking = await bookFreeTickets(t, buyer.access, purchaseOf(category, assignees));
  await t.deliverAll();
  return { buyer, event, booking };
}

/** The claim link's token in the newest SMS to `e164`, read as the recipient would read it. */
export async function claimTokenSentTo(t: TestApp, e164: string): Promise<string> {
  await t.deliverAll();
  const texts = await t.inbox(e164);
  const token = texts.map((m) => m.text.match(/\/signup\?token=([A-Za-z0-9_-]+)/)?.[1]).find(Boolean);
  if (!token) throw new Error(`no claim link in the SMS to ${e164}: ${texts[0]?.text}`);
  return token;
}

/** What the signup page learns from a claim link's token (`validate-registration-token`), over real HTTP. */
export const claimLinkAnswer = (http: HttpClient, token: string) =>
  http.get(`/api/v1/users/validate-registration-token/?token=${encodeURIComponent(token)}`);

// ---------------------------------------------------------------------------------------------------
// Signing up through the API

export interface SignupDetails {
  name?: string;
  email?: string;
  locale?: Locale;
}

/**
 * Register, then verify with the code texted to the number: a signup ready to complete. Through `via`
 * (real HTTP) when given, in-process otherwise; the code is read from the dev inbox as a phone would.
 */
export async function verifiedSignup(
  t: TestApp,
  mobile: MobileNumber | { local: string; e164: string },
  person: SignupDetails = {},
  via: Api = t,
) {
  const registered = await expectAnswer(via, 200, "/api/v1/users/register/", {
    mobile_number: mobile.local,
    name: person.name ?? "Test Customer",
    ...(person.email ? { email: person.email } : {}),
    ...(person.locale ? { locale: person.locale } : {}),
  });
  const verified = await expectAnswer(via, 200, "/api/v1/users/verify-otp/", {
    mobile_number: mobile.local,
    otp_code: await t.latestOtp(mobile.e164),
    signup_id: registered.signup_id,
  });
  return { signupId: registered.signup_id as string, signupToken: verified.signup_token as string };
}

/** Signs a customer up through the API (register → OTP → verify → password), as the webapp would. */
export async function signUpThroughApi(
  t: TestApp,
  person: SignupDetails & { mobile?: MobileNumber; password?: string } = {},
) {
  const mobile = person.mobile ?? uniqueMobile();
  const password = person.password ?? "correct horse battery";
  const { signupToken } = await verifiedSignup(t, mobile, person);
  const session: Session = await expectAnswer(t, 201, "/api/v1/users/complete-registration/", {
    mobile_number: mobile.local,
    password,
    signup_token: signupToken,
  });
  return { ...session, mobile: mobile.local, e164: mobile.e164, password };
}
