import { randomInt } from "node:crypto";
import { type AuthTokens, type EventView, normalizeMobileNumber } from "@ticketrunners/shared";
import type { RunningServer } from "./server";

export interface MobileNumber {
  /** As typed in Egypt: `010…`. */
  local: string;
  /** As typed from abroad: `+20 10 1234 5678`. */
  international: string;
  /** As the server stores it: `+2010…`. */
  e164: string;
}

/** A fresh Egyptian mobile number, so no two tests (or runs) ever share a person. */
export function freshMobileNumber(): MobileNumber {
  const prefix = ["010", "011", "012", "015"][randomInt(4)] as string;
  const subscriber = String(randomInt(100_000_000)).padStart(8, "0");
  const local = `${prefix}${subscriber}`;
  const international = `+20 ${prefix.slice(1)} ${subscriber.slice(0, 4)} ${subscriber.slice(4)}`;
  const e164 = normalizeMobileNumber(local, "EG");
  if (!e164) throw new Error(`${local} is not a valid Egyptian mobile number`);
  return { local, international, e164 };
}

export interface Person {
  name: string;
  mobile: MobileNumber;
  email: string;
  password: string;
}

/** Someone new: a random number, and a name and email that say which test made them. */
export function freshPerson(firstName: string): Person {
  const mobile = freshMobileNumber();
  const tag = mobile.local.slice(-5);
  return {
    name: `${firstName} ${tag}`,
    mobile,
    email: `${firstName.toLowerCase()}.${tag}@example.com`,
    password: `lantern-${tag}-harbour`,
  };
}

async function call<T>(server: RunningServer, path: string, body?: unknown, access?: string): Promise<T> {
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
  return JSON.parse(text) as T;
}

const post = <T>(server: RunningServer, path: string, body: unknown) => call<T>(server, path, body);

/**
 * Gives someone an account through the public signup API (register, the SMS code from the dev inbox,
 * complete): the way to set up the people a test is not about.
 */
export async function registerThroughApi(server: RunningServer, person: Person): Promise<AuthTokens> {
  const seen = await messageIds(server, person.mobile.e164);
  await post(server, "/users/register/", {
    mobile_number: person.mobile.local,
    name: person.name,
    email: person.email,
  });
  const { code } = await server.waitForOtp(person.mobile.e164, seen);
  await post(server, "/users/verify-otp/", { mobile_number: person.mobile.local, otp_code: code });
  return post<AuthTokens>(server, "/users/complete-registration/", {
    mobile_number: person.mobile.local,
    password: person.password,
  });
}

export interface Assignee {
  mobile_number: string;
  name?: string;
  email?: string;
}

/**
 * A buyer books tickets through the public booking API (`tickets/book`), each one given to someone
 * (or kept, for `null`). The same ticket creation and messages as a paid checkout, without the
 * gateway: for tests about what happens to the tickets afterwards.
 */
export async function bookThroughApi(
  server: RunningServer,
  buyer: AuthTokens,
  purchase: { event: string; category: string; assignees: (Assignee | null)[] },
): Promise<{ payment_id: string; tickets: { id: string; ticket_number: string }[] }> {
  const events = await call<EventView[]>(server, "/public/events/");
  const event = events.find((e) => e.name === purchase.event);
  const category = event?.categories.find((c) => c.name === purchase.category);
  if (!event || !category) throw new Error(`no ${purchase.category} tickets for ${purchase.event}`);
  return call(
    server,
    "/tickets/book/",
    {
      event_id: event.id,
      items: [{ category_id: category.id, quantity: purchase.assignees.length, assignees: purchase.assignees }],
    },
    buyer.access,
  );
}

/** The ids of every message already sent to `to`, so the next code read is a new one. */
export async function messageIds(server: RunningServer, to: string): Promise<Set<string>> {
  return new Set((await server.outbox()).filter((m) => m.to === to).map((m) => m.id));
}
