import { eq } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { expect, test } from "vitest";
import { customers, payments } from "../db/schema";
import { HOUR, MINUTE } from "../shared/clock";
import { testApp } from "./app-test";
import { authHeadersFor } from "./arbitraries/headers";
import { bodyOf } from "./arbitraries/json";
import type { PurchaseTargets } from "./arbitraries/purchases";
import { get, pathSegment, post, querySuffix, type Req, transport } from "./arbitraries/requests";
import {
  bookFreeTickets,
  claimTokenSentTo,
  createEvent,
  type InsertedCustomer,
  insertCustomer,
  purchaseOf,
  signUpThroughApi,
  startCheckout,
  verifiedSignup,
} from "./factories";
import { uniqueMobile } from "./phone-numbers";
import type { TestApp } from "./test-app";
import { type Writes, watchWrites } from "./write-detector";

/*
 * Bad input, generated: every public endpoint gets at least 1,000 requests whose body, query, path
 * parameters and headers mix real ids with garbage. For each one: no 5xx, every 4xx has the one error
 * shape, and nothing is written — unless the request was in fact valid, in which case it wrote exactly
 * what that endpoint writes. What was written is read from the database after every request
 * (write-detector.ts). One suite per feature, beside it: `<feature>/<feature>.bad-input.test.ts`.
 */

export const RUNS = 1_000;
/** Per property: 1,000 requests take 4–12 s on a quiet machine, several times that on a busy one. */
export const FUZZ_TIMEOUT = 240_000;

export interface Endpoint {
  name: string;
  requests: fc.Arbitrary<Req>;
  /** Checks what a 2xx wrote; without it, a 2xx must write nothing. */
  onSuccess?: (res: LightMyRequestResponse, written: Writes, req: Req) => void;
  /** Checks what a 4xx wrote (a wrong OTP counts the try); without it, a 4xx must write nothing. */
  onRefusal?: (res: LightMyRequestResponse, written: Writes, req: Req) => void;
  /** 2xx is never right (unsigned webhooks). */
  neverSucceeds?: boolean;
  /** The token-validation endpoint: its 4xx bodies also say `valid: false`. */
  tokenValidation?: boolean;
}

/** What an endpoint's requests aim at: real ids for its `:id` (among garbage), and Authorization headers. */
type Route = Omit<Endpoint, "name" | "requests"> & { ids?: string[]; auth?: fc.Arbitrary<string | undefined> };

const paths = (route: string, ids: string[] = []) =>
  route.includes(":id") ? pathSegment(ids).map((id) => route.replace(":id", id)) : fc.constant(route);

/** GETs of `route` (below /api/v1), with a garbage query string now and then. */
export const getting = (route: string, { ids, auth, ...checks }: Route = {}): Endpoint => ({
  name: `GET ${route}`,
  requests: fc
    .tuple(paths(route, ids), querySuffix, auth ?? fc.constant(undefined))
    .map(([path, query, header]) => get(path, query, header)),
  ...checks,
});

/**
 * POSTs of `route` with bodies of `fields` (or `bodies`), sent every way a body travels, with a garbage
 * query string now and then.
 */
export const posting = (
  route: string,
  bodies: Record<string, fc.Arbitrary<unknown>> | fc.Arbitrary<unknown>,
  { ids, auth, ...checks }: Route = {},
): Endpoint => ({
  name: `POST ${route}`,
  requests: fc
    .tuple(
      paths(route, ids),
      transport(bodies instanceof fc.Arbitrary ? bodies : bodyOf(bodies)),
      querySuffix,
      auth ?? fc.constant(undefined),
    )
    .map(([path, sent, query, header]) => post(path, sent, query, header)),
  ...checks,
});

const describeReq = (req: Req) => {
  const payload = req.payload === undefined ? "" : String(req.payload);
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${req.method} ${clip(req.url)} ${JSON.stringify(req.headers).slice(0, 300)} ${clip(payload)}`;
};

/** Asserts the one error shape (the token-validation endpoint adds `valid: false`). */
export function expectErrorShape(req: Req, res: LightMyRequestResponse, tokenValidation = false): void {
  const where = `${res.statusCode} ${res.body.slice(0, 300)}\n  for ${describeReq(req)}`;
  expect(res.headers["content-type"], where).toMatch(/^application\/json/);
  const body = parsed(res);
  expect(body, where).toBeTypeOf("object");
  const { error, ...rest } = body as { error?: { code?: unknown; message?: unknown } };
  expect(error, where).toBeTypeOf("object");
  const e = error as Record<string, unknown>;
  expect(
    Object.keys(e).filter((k) => !["code", "message", "details"].includes(k)),
    where,
  ).toEqual([]);
  expect(e.code, where).toMatch(/^[A-Z][A-Z0-9_]*$/);
  expect(e.message, where).toBeTypeOf("string");
  if (!tokenValidation) {
    expect(Object.keys(rest), where).toEqual([]);
    return;
  }
  expect(
    Object.keys(rest).filter((k) => k !== "valid"),
    where,
  ).toEqual([]);
  expect(rest, where).toEqual({ valid: false });
}

function parsed(res: LightMyRequestResponse): unknown {
  try {
    return JSON.parse(res.body);
  } catch {
    return undefined;
  }
}

/** Runs `check`, naming the request and the answer in its failure. */
function about(where: string, check: () => void) {
  try {
    check();
  } catch (err) {
    if (err instanceof Error) err.message = `${err.message}\n  ${where}`;
    throw err;
  }
}

/** Sends RUNS generated requests to one endpoint and checks each answer and what it wrote. */
export async function fuzz(t: TestApp, endpoint: Endpoint): Promise<void> {
  const statuses = new Map<number, number>();
  let cases = 0;
  const writes = await watchWrites(t.database.db);
  const started = Date.now();

  await fc.assert(
    fc.asyncProperty(endpoint.requests, async (req) => {
      const res = await t.app.inject({
        method: req.method,
        url: req.url,
        headers: req.headers,
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      });
      cases += 1;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const written = await writes.take();
      const where = `${res.statusCode} ${res.body.slice(0, 300)}\n  for ${describeReq(req)}`;

      expect(res.statusCode, where).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expectErrorShape(req, res, endpoint.tokenValidation);
        about(where, () => (endpoint.onRefusal ?? nothingWritten)(res, written, req));
      } else {
        expect(endpoint.neverSucceeds ?? false, where).toBe(false);
        about(where, () => (endpoint.onSuccess ?? nothingWritten)(res, written, req));
      }
    }),
    { numRuns: RUNS },
  );

  // Whatever keys the bodies carried, no object in this process grew a property from them.
  expect(Object.prototype).not.toHaveProperty("polluted");

  const seen = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`);
  console.log(
    `${endpoint.name}: ${cases} cases in ${((Date.now() - started) / 1000).toFixed(1)} s; statuses ${seen.join(" ")}`,
  );
  expect(cases).toBeGreaterThanOrEqual(RUNS);
}

const nothingWritten = (res: LightMyRequestResponse, written: Writes) =>
  expect(written, `a ${res.statusCode} wrote rows`).toEqual({});

// ---------------------------------------------------------------------------------------------------
// The world the requests are aimed at.

export interface World extends PurchaseTargets {
  /** The purchases buyer: books, checks out, confirms. */
  buyer: InsertedCustomer;
  /** Holds a few tickets: lists them, reads them, resends a claim link. */
  holder: InsertedCustomer;
  /** Signed up through the API, so this password really works. */
  loginCustomer: Awaited<ReturnType<typeof signUpThroughApi>>;
  refreshTokens: string[];
  /** Mostly the buyer's access token, otherwise every way an Authorization header can be wrong. */
  authHeaders: fc.Arbitrary<string | undefined>;
  paymentIds: string[];
  /** The holder's tickets (one held, one waiting for a new number), then the buyer's own. */
  ticketIds: string[];
  /** Whose each of `ticketIds` is to see, by access token: the holder's two, the buyer's one. */
  visibleTo: Record<string, string[]>;
  pendingTicketId: string;
  registrationToken: string;
  /** Has a code waiting (register). */
  pendingOtpNumber: string;
  /** Verified by OTP, no account yet: complete-registration may succeed for it, once, with `signupToken`. */
  verifiedNumber: string;
  signupToken: string;
}

/** Rate limits out of the way (they have their own tests), and a Kashier gateway beside the sandbox. */
export const BAD_INPUT_ENV = {
  RATE_LIMIT_SCALE: "100000",
  FREE_TICKETS_PER_BUYER: "100",
  KASHIER_MERCHANT_ID: "MID-FUZZ-1",
  KASHIER_API_KEY: "kashier-fuzz-api-key",
};

async function buildWorld(t: TestApp): Promise<World> {
  const buyer = await insertCustomer(t, { name: "Fuzz Buyer", email: "fuzz.buyer@example.com" });
  const holder = await insertCustomer(t, { name: "Ticket Holder" });
  const banned = await insertCustomer(t, { name: "Banned" });
  await t.database.db.update(customers).set({ status: "banned" }).where(eq(customers.id, banned.customer.id));
  const refresher = await insertCustomer(t, { name: "Refresher" });
  const loginCustomer = await signUpThroughApi(t, { name: "Login Person", password: "correct horse battery" });

  // The first category is priced (bought through checkout), the second free (booked at once).
  const { event, categories } = await createEvent(t, { capacity: 1_000_000, prices: [25_000, 0] });
  const [priced, free] = categories as [(typeof categories)[number], (typeof categories)[number]];
  const soldOut = await createEvent(t, { capacity: 0, name: "Sold Out" });
  const past = await createEvent(t, { name: "Already Started", startsAt: new Date(t.clock.now().getTime() - HOUR) });

  // The holder's tickets: one of their own, one waiting for a new person (it has a live claim link).
  const recipient = uniqueMobile();
  const held = await bookFreeTickets(t, holder.access, purchaseOf(free, [null, { mobile_number: recipient.local }]));
  const registrationToken = await claimTokenSentTo(t, recipient.e164);

  // Someone else's ticket and payments: the buyer's own booking, a sandbox checkout and a Kashier one.
  const buyerBooking = await bookFreeTickets(t, buyer.access, purchaseOf(free, 1));
  const checkout = await startCheckout(t, buyer.access, purchaseOf(priced, 1));
  const holderCheckout = await startCheckout(t, holder.access, purchaseOf(priced, 1));
  const [kashierPayment] = await t.database.db
    .insert(payments)
    .values({
      buyerId: buyer.customer.id,
      eventId: event.id,
      items: [{ category_id: priced.id, quantity: 1, unit_price_minor: 25_000, assignees: [null] }],
      amountMinor: 25_000,
      currency: "EGP",
      provider: "kashier",
      status: "pending",
      expiresAt: new Date(t.clock.now().getTime() + 15 * MINUTE),
    })
    .returning();

  const pendingOtp = uniqueMobile();
  await t.call("POST", "/api/v1/users/register/", { mobile_number: pendingOtp.local, name: "Pending Code" });
  const verified = uniqueMobile();
  const { signupToken } = await verifiedSignup(t, verified, { name: "Verified Person" });

  return {
    buyer,
    holder,
    loginCustomer,
    refreshTokens: [refresher.refresh],
    authHeaders: await authHeadersFor(t.clock.now(), buyer.access, { refresh: buyer.refresh, banned: banned.access }),
    eventId: event.id,
    categoryIds: categories.map((c) => c.id),
    soldOutEventId: soldOut.event.id,
    soldOutCategoryId: soldOut.category.id,
    pastEventId: past.event.id,
    pastCategoryId: past.category.id,
    paymentIds: [checkout.transaction_id, kashierPayment?.id ?? "", holderCheckout.transaction_id],
    ticketIds: [...held.tickets.map((x) => x.id), buyerBooking.tickets[0]?.id ?? ""],
    visibleTo: {
      [holder.access]: held.tickets.map((x) => x.id),
      [buyer.access]: buyerBooking.tickets.map((x) => x.id),
    },
    pendingTicketId: held.tickets[1]?.id ?? "",
    registrationToken,
    pendingOtpNumber: pendingOtp.local,
    verifiedNumber: verified.local,
    signupToken,
  };
}

/**
 * The bad-input suites' `it`: `t` (a test app with BAD_INPUT_ENV), `w` (the world above, built once
 * per file) and `fuzz(endpoint)`.
 */
export const badInputTest = test
  .extend("t", { scope: "file" }, testApp({ env: BAD_INPUT_ENV }))
  .extend("w", { scope: "file" }, async ({ t }) => buildWorld(t))
  .extend(
    "fuzz",
    { scope: "file" },
    async ({ t }) =>
      (endpoint: Endpoint) =>
        fuzz(t, endpoint),
  );
