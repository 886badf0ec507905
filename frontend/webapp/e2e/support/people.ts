import {
  type AuthTokens,
  authTokensSchema,
  type BookResponse,
  bookResponseSchema,
  type CheckoutResponse,
  checkoutResponseSchema,
  eventListSchema,
  type MyTicketResponse,
  type MyTicketsResponse,
  myTicketResponseSchema,
  myTicketsResponseSchema,
  normalizeMobileNumber,
  paymentStatusViewSchema,
  registerResponseSchema,
  type SentTicketView,
  verifyOtpResponseSchema,
} from "@ticketrunners/shared";
import type { z } from "zod";
import { type MobileNumber, uniqueMobile } from "../../../../backend/src/test-support/phone-numbers";
import type { RunningServer } from "./server";

export interface Person {
  name: string;
  mobile: MobileNumber;
  email: string;
  password: string;
}

/** Someone new: a random number, and a name and email that say which test made them. */
export function freshPerson(firstName: string): Person {
  const mobile = uniqueMobile();
  const tag = mobile.local.slice(-5);
  return {
    name: `${firstName} ${tag}`,
    mobile,
    email: `${firstName.toLowerCase()}.${tag}@example.com`,
    password: `lantern-${tag}-harbour`,
  };
}

/** Calls the public API and parses its answer with the route's shared response schema. */
async function call<S extends z.ZodType>(
  server: RunningServer,
  path: string,
  schema: S,
  body?: unknown,
  access?: string,
): Promise<z.output<S>> {
  const method = body === undefined ? "GET" : "POST";
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (access) headers.Authorization = `Bearer ${access}`;
  const response = await fetch(`${server.baseUrl}/api/v1${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
  return schema.parse(JSON.parse(text));
}

/**
 * Gives someone an account through the public signup API (register, the SMS code from the dev inbox,
 * complete, carrying the signup's id and then its token from step to step): the way to set up the
 * people a test is not about.
 */
export async function registerThroughApi(server: RunningServer, person: Person): Promise<AuthTokens> {
  const seen = await messageIds(server, person.mobile.e164);
  const { signup_id } = await call(server, "/users/register/", registerResponseSchema, {
    mobile_number: person.mobile.local,
    name: person.name,
    email: person.email,
  });
  const { code } = await server.waitForOtp(person.mobile.e164, seen);
  const { signup_token } = await call(server, "/users/verify-otp/", verifyOtpResponseSchema, {
    mobile_number: person.mobile.local,
    otp_code: code,
    signup_id,
  });
  return call(server, "/users/complete-registration/", authTokensSchema, {
    mobile_number: person.mobile.local,
    password: person.password,
    signup_token,
  });
}

export interface Assignee {
  mobile_number: string;
  name?: string;
  email?: string;
}

export interface ApiPurchase {
  event: string;
  category: string;
  /** One per ticket: who it is given to, or `null` for the buyer's own. */
  assignees: (Assignee | null)[];
}

/** The request body of tickets/book and payments/process for a purchase named by event and category. */
async function purchaseBody(server: RunningServer, purchase: ApiPurchase) {
  const events = await call(server, "/public/events/", eventListSchema);
  const event = events.find((e) => e.name === purchase.event);
  const category = event?.categories.find((c) => c.name === purchase.category);
  if (!event || !category) throw new Error(`no ${purchase.category} tickets for ${purchase.event}`);
  return {
    event_id: event.id,
    items: [{ category_id: category.id, quantity: purchase.assignees.length, assignees: purchase.assignees }],
  };
}

/** A buyer books free tickets through the public booking API (`tickets/book`): issued at once. */
export async function bookThroughApi(
  server: RunningServer,
  buyer: AuthTokens,
  purchase: ApiPurchase,
): Promise<BookResponse> {
  return call(server, "/tickets/book/", bookResponseSchema, await purchaseBody(server, purchase), buyer.access);
}

/** A buyer starts a checkout through the API (`payments/process`) and leaves it open, holding the seats. */
export async function openCheckoutThroughApi(
  server: RunningServer,
  buyer: AuthTokens,
  purchase: ApiPurchase,
): Promise<CheckoutResponse> {
  return call(server, "/payments/process/", checkoutResponseSchema, await purchaseBody(server, purchase), buyer.access);
}

/**
 * A buyer buys priced tickets as a browser would, without one: a checkout, the sandbox gateway's Pay
 * (whose 303 carries the signed redirect), and the redirect handed to payments/confirm. The same ticket
 * creation and messages as any paid checkout: for tests about what happens to the tickets afterwards.
 * Returns the tickets the buyer gave to the purchase's assignees.
 */
export async function buyThroughApi(
  server: RunningServer,
  buyer: AuthTokens,
  purchase: ApiPurchase,
): Promise<{ transaction_id: string; tickets: SentTicketView[] }> {
  const checkout = await openCheckoutThroughApi(server, buyer, purchase);
  const pay = await fetch(`${checkout.checkout_url}/pay`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: "",
    redirect: "manual",
  });
  const back = pay.headers.get("location");
  if (pay.status !== 303 || !back) throw new Error(`the sandbox Pay answered ${pay.status}, not a 303 redirect`);
  const params = Object.fromEntries(new URL(back).searchParams);
  const status = await call(
    server,
    "/payments/confirm/",
    paymentStatusViewSchema,
    { transaction_id: checkout.transaction_id, params },
    buyer.access,
  );
  if (status.status !== "paid") throw new Error(`the sandbox payment ended ${status.status}, not paid`);
  const given = new Set(
    purchase.assignees.flatMap((a) => (a ? [normalizeMobileNumber(a.mobile_number, "EG") ?? a.mobile_number] : [])),
  );
  const { sent } = await call(server, "/users/tickets/", myTicketsResponseSchema, undefined, buyer.access);
  const tickets = sent.filter((t) => t.assignee && given.has(t.assignee.mobile_number));
  return { transaction_id: checkout.transaction_id, tickets };
}

export type RegisteredPerson = Person & { tokens: AuthTokens };

/** Someone new who already has an account, made through the API: for the people a test is not about. */
export async function registeredPerson(server: RunningServer, firstName: string): Promise<RegisteredPerson> {
  const person = freshPerson(firstName);
  return { ...person, tokens: await registerThroughApi(server, person) };
}

/** The ids of every message already sent to `to`, so the next code read is a new one. */
export async function messageIds(server: RunningServer, to: string): Promise<Set<number>> {
  return new Set((await server.outbox()).filter((m) => m.to === to).map((m) => m.id));
}

/** The tickets someone holds and gave away, as the API answers them (with each held ticket's door code). */
export function myTicketsThroughApi(server: RunningServer, person: AuthTokens): Promise<MyTicketsResponse> {
  return call(server, "/users/tickets/", myTicketsResponseSchema, undefined, person.access);
}

/** One ticket someone holds or gave, with its history. */
export function myTicketThroughApi(server: RunningServer, person: AuthTokens, id: string): Promise<MyTicketResponse> {
  return call(server, `/users/tickets/${id}/`, myTicketResponseSchema, undefined, person.access);
}
