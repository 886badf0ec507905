import { randomUUID } from "node:crypto";
import { normalizeMobileNumber } from "@ticketrunners/shared";
import { eq, sql } from "drizzle-orm";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { customers, events, payments, ticketCategories } from "./db/schema";
import {
  createTestApp,
  createTestCustomer,
  createTestEvent,
  insertTestCustomer,
  randomMobile,
  TEST_JWT_SECRET,
  type TestApp,
} from "./test-support/test-app";

/*
 * Bad input, generated: every public endpoint gets at least 1,000 requests whose body, query, path
 * parameters and headers mix real ids with garbage. For each one: no 5xx, every 4xx has the one error
 * shape, and nothing is written — unless the request was in fact valid, in which case it wrote exactly
 * what that endpoint writes.
 */

const RUNS = 1_000;
const API = "/api/v1";

let t: TestApp;

// ---------------------------------------------------------------------------------------------------
// Row counts: one query, so checking after every request stays cheap on both drivers.

const TABLES = [
  "customers",
  "otp_codes",
  "payments",
  "tickets",
  "notifications",
  "webhook_events",
  "ticket_registration_tokens",
  "refresh_tokens",
] as const;
type Table = (typeof TABLES)[number];
type Counts = Record<Table, number>;
type Delta = Partial<Record<Table, number>>;

const countsQuery = sql.raw(`select ${TABLES.map((n) => `(select count(*) from ${n})::int as ${n}`).join(", ")}`);

/**
 * The next transaction id. A request that wrote nothing (most bad input never reaches the database)
 * leaves it unchanged, so the row counts need re-reading only when it moved.
 */
const xidQuery = sql.raw("select pg_snapshot_xmax(pg_current_snapshot())::text as xmax");
async function nextXid(): Promise<string> {
  const result = (await t.database.db.execute(xidQuery)) as unknown as { rows: { xmax: string }[] };
  return String(result.rows[0]?.xmax);
}

async function rowCounts(): Promise<Counts> {
  const result = (await t.database.db.execute(countsQuery)) as unknown as { rows: Record<string, unknown>[] };
  const row = result.rows[0] ?? {};
  return Object.fromEntries(TABLES.map((n) => [n, Number(row[n])])) as Counts;
}

/**
 * Counts calls into the database driver (PGlite's `query`/`transaction`, the pg pool's `query`/`connect`):
 * a request that never reached the database cannot have written to it, and most bad input never does.
 */
function countDriverCalls(): () => number {
  const client = (t.database.db as unknown as { $client: Record<string, unknown> }).$client;
  let calls = 0;
  for (const name of ["query", "exec", "transaction", "connect"]) {
    const original = client[name];
    if (typeof original !== "function") continue;
    client[name] = function (this: unknown, ...args: unknown[]) {
      calls += 1;
      return original.apply(this, args);
    };
  }
  return () => calls;
}
let driverCalls: () => number;

/** The tables whose row count changed, and by how much. */
function delta(before: Counts, after: Counts): Delta {
  const changed: Delta = {};
  for (const n of TABLES) if (after[n] !== before[n]) changed[n] = after[n] - before[n];
  return changed;
}

// ---------------------------------------------------------------------------------------------------
// JSON text we control: duplicate keys, `__proto__` keys and literal number forms survive encoding.

/** An object as an ordered list of pairs: keys may repeat, and `__proto__` is an ordinary key. */
class Obj {
  constructor(readonly pairs: ReadonlyArray<readonly [string, unknown]>) {}
}
/** JSON text inserted verbatim (`-0`, `1e309`, 20,000 nested brackets). */
class Raw {
  constructor(readonly text: string) {}
}

function encode(value: unknown): string {
  if (value instanceof Raw) return value.text;
  if (value instanceof Obj) return `{${value.pairs.map(([k, v]) => `${JSON.stringify(k)}:${encode(v)}`).join(",")}}`;
  if (Array.isArray(value)) return `[${value.map(encode).join(",")}]`;
  return JSON.stringify(value) ?? "null";
}

/** Percent-encodes every byte outside the unreserved set (a lone surrogate goes out as U+FFFD). */
const percentEncode = (s: string) =>
  Array.from(Buffer.from(s, "utf8"), (b) =>
    /[A-Za-z0-9\-._~]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).toUpperCase().padStart(2, "0")}`,
  ).join("");

// ---------------------------------------------------------------------------------------------------
// Generators.

const CONTROL_CHARS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat("\u007f", "\u0085");

const nastyConstant = fc.constantFrom(
  "",
  " ",
  "\t\n\r",
  "\u0000",
  "a\u0000b",
  "\u202eevil\u202c",
  "\u200f\u200e",
  "\u200b\ufeff",
  "😀",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "مرحبا بالعالم",
  "Z̴̡̛͎a̷̡͚l̸̨̛g̶̢̛o̵̢̧",
  "\ud800",
  "\udfff",
  "a\ud83d",
  "\ude00b",
  "NaN",
  "-0",
  "1e308",
  "Infinity",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "prototype",
  "%00",
  "%",
  "%E0%A4%A",
  "../../../etc/passwd",
  "' OR 1=1; --",
  "'); drop table customers; --",
  "<script>alert(1)</script>",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent literally
  "${7*7}{{7*7}}",
  "\\",
  '"',
  "+",
  "+20",
  "0",
  "00000000-0000-0000-0000-000000000000",
  "ZZZZZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZZZZZZZZZ",
  "a@b",
  "@",
);

const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...CONTROL_CHARS), maxLength: 20 }) },
  { weight: 4, arbitrary: nastyConstant },
);

/** 1,000 to 100,000 characters: some fit in the 64 KiB body limit (and meet the schema's `max`), most do not. */
const oversizedString = fc
  .tuple(fc.integer({ min: 1_000, max: 100_000 }), fc.constantFrom("x", "é", "😀", "\u0000", "0", " "))
  .map(([n, c]) => c.repeat(Math.ceil(n / c.length)));

const deepNesting = fc
  .tuple(fc.integer({ min: 50, max: 20_000 }), fc.boolean())
  .map(
    ([depth, arrays]) =>
      new Raw(arrays ? "[".repeat(depth) + "]".repeat(depth) : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
  );

const rawNumber = fc
  .constantFrom(
    "-0",
    "1e308",
    "1e309",
    "-1e309",
    "1E-400",
    "0.1e1",
    "1.0",
    "9".repeat(400),
    "-9007199254740993",
    "4.9e-324",
  )
  .map((text) => new Raw(text));

const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  rawNumber,
  fc.array(fc.oneof(fc.integer(), nastyString, fc.constant(null)), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.integer(), nastyString), { maxKeys: 4 }),
  { weight: 1, arbitrary: deepNesting },
);

/** Anything but a usable value for a string field. */
const garbage: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyString },
  { weight: 4, arbitrary: wrongType },
  { weight: 1, arbitrary: oversizedString },
);

/** `value` most of the time, otherwise garbage. */
const mostly = <T>(value: fc.Arbitrary<T>, weight = 3): fc.Arbitrary<unknown> =>
  fc.oneof({ weight, arbitrary: value as fc.Arbitrary<unknown> }, { weight: 2, arbitrary: garbage });

const PROTO_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"];

/**
 * An object with each field usually present, plus sometimes extra pairs: a repeated field (the last
 * copy wins), a prototype-pollution key, a client-sent price, or a random key.
 */
function objectOf(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Obj> {
  const names = Object.keys(fields);
  const present = Object.entries(fields).map(([k, arb]) =>
    fc.option(
      arb.map((v) => [k, v] as const),
      { nil: undefined, freq: 8 },
    ),
  );
  const extra = fc.oneof(
    fc.tuple(names.length ? fc.constantFrom(...names) : nastyString, garbage),
    fc.tuple(fc.constantFrom(...PROTO_KEYS), fc.oneof(fc.constant(new Obj([["polluted", true]])), wrongType)),
    fc.tuple(fc.constantFrom("price_minor", "amount_minor", "unit_price_minor", "status", "buyer_id", "role"), garbage),
    fc.tuple(nastyString, garbage),
  );
  const extras = fc.oneof(
    { weight: 4, arbitrary: fc.constant([] as (readonly [string, unknown])[]) },
    { weight: 1, arbitrary: fc.array(extra, { minLength: 1, maxLength: 3 }) },
  );
  return fc.tuple(fc.tuple(...present), extras, fc.boolean()).map(([pairs, more, extrasFirst]) => {
    const own = pairs.filter((p): p is readonly [string, unknown] => p !== undefined);
    return new Obj(extrasFirst ? [...more, ...own] : [...own, ...more]);
  });
}

/** A request body: a generated object (or anything at all in its place). */
const bodyOf = (fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 12, arbitrary: objectOf(fields) }, { weight: 1, arbitrary: wrongType });

const malformedJson = fc.oneof(
  fc.constantFrom(
    "{",
    "}",
    '{"a":}',
    "{'a':1}",
    "[1,2",
    "nul",
    "tru",
    '{"a":1,}',
    '{"a" 1}',
    '"unterminated',
    '{"a":"\\x"}',
    '{"a":"\\u12"}',
    "NaN",
    "-",
    "01",
    "1e",
    '{"__proto__":{"polluted":true}}',
    '{"constructor":{"prototype":{"polluted":true}}}',
    '{"a":{"__proto__":{"polluted":true}}}',
    "\u0000",
    "\ufeff{}",
    "{} {}",
    "[]",
    "null",
    "0",
    '"a string"',
    "true",
    '{"a":1}garbage',
    " ",
    "\n",
    '{"a":"\u0000"}',
    '{"a":"\\u0000"}',
    '{"a":"\\ud800"}',
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.integer({ min: 1, max: 60_000 }).map((n) => "[".repeat(n)),
);

const invalidUtf8 = fc.constantFrom(
  Buffer.from([0xff]),
  Buffer.from([0xfe, 0xff]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
  Buffer.from([0xe0, 0x80]),
  Buffer.from([0x00]),
);

const formEncode = (body: unknown) =>
  body instanceof Obj
    ? body.pairs
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(typeof v === "string" ? v : encode(v))}`)
        .join("&")
    : percentEncode(encode(body));

const WRONG_CONTENT_TYPES = [
  undefined,
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=zz",
  "application/xml",
  "application/json; charset=latin1",
  "application/json; charset=utf-16",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "application/json, text/plain",
  "*/*",
  "",
  "garbage",
];

interface Sent {
  headers: Record<string, string>;
  payload?: string | Buffer;
}
const JSON_TYPE = { "content-type": "application/json" };

/** How a body travels: mostly as JSON, otherwise malformed, mislabelled, mis-encoded, oversized or absent. */
function transport(bodies: fc.Arbitrary<unknown>): fc.Arbitrary<Sent> {
  return fc.oneof(
    { weight: 24, arbitrary: bodies.map((b): Sent => ({ headers: JSON_TYPE, payload: encode(b) })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(bodies, fc.constantFrom(...WRONG_CONTENT_TYPES))
        .map(
          ([b, type]): Sent => ({ headers: type === undefined ? {} : { "content-type": type }, payload: encode(b) }),
        ),
    },
    {
      weight: 1,
      arbitrary: bodies.map(
        (b): Sent => ({ headers: { "content-type": "application/x-www-form-urlencoded" }, payload: formEncode(b) }),
      ),
    },
    { weight: 3, arbitrary: malformedJson.map((text): Sent => ({ headers: JSON_TYPE, payload: text })) },
    {
      weight: 1,
      arbitrary: fc.tuple(bodies, invalidUtf8, fc.nat()).map(([b, bytes, at]): Sent => {
        const text = Buffer.from(encode(b));
        const cut = text.length === 0 ? 0 : at % text.length;
        return { headers: JSON_TYPE, payload: Buffer.concat([text.subarray(0, cut), bytes, text.subarray(cut)]) };
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .integer({ min: 60_000, max: 100_000 })
        .map((n): Sent => ({ headers: JSON_TYPE, payload: encode(new Obj([["name", "x".repeat(n)]])) })),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Sent>({ headers: JSON_TYPE }, { headers: {} }, { headers: JSON_TYPE, payload: "" }),
    },
  );
}

/** A query string to append: usually none, otherwise junk pairs, parser tricks or a very long one. */
const querySuffix = fc.oneof(
  { weight: 6, arbitrary: fc.constant("") },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.tuple(nastyString, nastyString), { minLength: 1, maxLength: 4 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join("&")}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "?",
      "?&&",
      "?=",
      "?a",
      "?a[b]=1",
      "?a[b][c][d]=1",
      "?__proto__[polluted]=1",
      "?constructor[prototype][polluted]=1",
      "?%ZZ=%",
      "?%E0%A4%A=1",
      "?a=%00",
      "?a=1&a=2&a=3",
      "??a=1",
      "?a=1#frag",
    ),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 100_000 }).map((n) => `?q=${"x".repeat(n)}`) },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 100, max: 5_000 })
      .map((n) => `?${Array.from({ length: n }, (_, i) => `k${i}=v`).join("&")}`),
  },
);

/** A path segment: a real id, a variant of one, or garbage (some of it not even valid percent-encoding). */
const pathSegment = (real: string[]) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...real) },
    { weight: 2, arbitrary: fc.uuid() },
    fc.constantFrom(...real).map((s) => s.toUpperCase()),
    fc.constantFrom(...real).map((s) => s.slice(0, -1)),
    fc.constantFrom(...real).map((s) => `${s}0`),
    fc.constantFrom(...real).map((s) => `${s}%00`),
    { weight: 3, arbitrary: nastyString.map(percentEncode) },
    fc.constantFrom(
      "%",
      "%%",
      "%zz",
      "%E0%A4%A",
      "%ED%A0%80",
      "%FF%FE",
      "%C0%AF",
      "%00",
      "%2F",
      "..",
      ".",
      "%2e%2e",
      "null",
      "-1",
      "1e308",
      "NaN",
      "__proto__",
      "constructor",
      "",
    ),
    fc.integer({ min: 90, max: 5_000 }).map((n) => "a".repeat(n)),
  );

/** A mobile number that is not valid for the default region, whatever the generator came up with. */
const invalidMobile = garbage.filter((v) => typeof v !== "string" || normalizeMobileNumber(v, "EG") === undefined);

/** A fresh, valid Egyptian mobile number in one of the forms people type. */
const freshMobile = fc
  .tuple(fc.constantFrom("10", "11", "12", "15"), fc.integer({ min: 0, max: 99_999_999 }), fc.nat(3))
  .map(([prefix, n, form]) => {
    const rest = String(n).padStart(8, "0");
    return [
      `0${prefix}${rest}`,
      `+20${prefix}${rest}`,
      `0020 ${prefix} ${rest}`,
      `+20 ${prefix} ${rest.slice(0, 4)} ${rest.slice(4)}`,
    ][form] as string;
  });

const validName = fc.constantFrom("Sara Ali", "محمد", "Zoë O'Brien", "李雷", "A", "👩‍🎤 Star", " padded ");
const validEmail = fc.constantFrom("sara@example.com", "a.b+c@example.co.uk", "x@y.io");
const validPassword = fc.string({ unit: "grapheme", minLength: 8, maxLength: 30 });
const sixDigits = fc.integer({ min: 0, max: 999_999 }).map((n) => String(n).padStart(6, "0"));

// ---------------------------------------------------------------------------------------------------
// The property runner.

interface Req {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

interface Endpoint {
  name: string;
  requests: fc.Arbitrary<Req>;
  /** Checks what a 2xx wrote; without it, a 2xx must write nothing. */
  onSuccess?: (res: LightMyRequestResponse, written: Delta) => void;
  /** 2xx is never right (unsigned webhooks). */
  neverSucceeds?: boolean;
  /** The token-validation endpoint: its 4xx bodies also say `valid: false`. */
  tokenValidation?: boolean;
}

const describeReq = (req: Req) => {
  const payload = req.payload === undefined ? "" : String(req.payload);
  const clip = (s: string) => (s.length > 300 ? `${s.slice(0, 300)}… (${s.length} chars)` : s);
  return `${req.method} ${clip(req.url)} ${JSON.stringify(req.headers).slice(0, 300)} ${clip(payload)}`;
};

/** Asserts the one error shape (the token-validation endpoint adds `valid: false`). */
function expectErrorShape(req: Req, res: LightMyRequestResponse, body: unknown, tokenValidation: boolean): void {
  const where = `${res.statusCode} ${res.body.slice(0, 300)}\n  for ${describeReq(req)}`;
  expect(res.headers["content-type"], where).toMatch(/^application\/json/);
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

async function fuzz(endpoint: Endpoint): Promise<void> {
  const statuses = new Map<number, number>();
  let cases = 0;
  let counts = await rowCounts();
  let xid = await nextXid();
  const started = Date.now();

  await fc.assert(
    fc.asyncProperty(endpoint.requests, async (req) => {
      const callsBefore = driverCalls();
      const res = await t.app.inject({
        method: req.method,
        url: req.url,
        headers: req.headers,
        ...(req.payload === undefined ? {} : { payload: req.payload }),
      });
      cases += 1;
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const before = counts;
      if (driverCalls() !== callsBefore) {
        const xidAfter = await nextXid();
        if (xidAfter !== xid) counts = await rowCounts();
        xid = xidAfter;
      }
      const written = delta(before, counts);
      const where = `${res.statusCode} ${res.body.slice(0, 300)}\n  for ${describeReq(req)}`;

      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch {
        body = undefined;
      }
      expect(res.statusCode, where).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expectErrorShape(req, res, body, endpoint.tokenValidation ?? false);
        expect(written, `a ${res.statusCode} wrote rows\n  ${where}`).toEqual({});
      } else {
        expect(endpoint.neverSucceeds ?? false, where).toBe(false);
        if (endpoint.onSuccess) endpoint.onSuccess(res, written);
        else expect(written, `a ${res.statusCode} wrote rows\n  ${where}`).toEqual({});
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

// ---------------------------------------------------------------------------------------------------
// The world the requests are aimed at.

interface World {
  /** The purchases buyer: books, checks out, confirms. */
  buyer: Awaited<ReturnType<typeof insertTestCustomer>>;
  /** Holds a few tickets: lists them, reads them, resends a claim link. */
  holder: Awaited<ReturnType<typeof insertTestCustomer>>;
  /** Signed up through the API, so this password really works. */
  loginCustomer: Awaited<ReturnType<typeof createTestCustomer>>;
  refreshTokens: string[];
  authHeaders: fc.Arbitrary<string | undefined>;
  eventId: string;
  categoryIds: string[];
  soldOutEventId: string;
  soldOutCategoryId: string;
  pastEventId: string;
  pastCategoryId: string;
  paymentIds: string[];
  ticketIds: string[];
  pendingTicketId: string;
  registrationToken: string;
  /** Has a code waiting (register). */
  pendingOtpNumber: string;
  /** Verified by OTP, no account yet: complete-registration may succeed for it, once. */
  verifiedNumber: string;
}
let w: World;

const bearer = (token: string) => `Bearer ${token}`;
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function signJwt(claims: { sub: string; typ?: string; exp?: number }, secret = TEST_JWT_SECRET) {
  const now = Math.floor(t.clock.now().getTime() / 1000);
  return new SignJWT({ typ: claims.typ ?? "access" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(claims.exp ?? now + 900)
    .sign(new TextEncoder().encode(secret));
}

/** Authorization headers: mostly `access`, otherwise every way a token can be wrong. */
async function authHeadersFor(access: string, others: { refresh: string; banned: string }) {
  const now = Math.floor(t.clock.now().getTime() / 1000);
  const [, payload] = access.split(".");
  const forged = [
    await signJwt({ sub: randomUUID() }),
    await signJwt({ sub: randomUUID() }, "another-secret-another-secret-another-secret"),
    await signJwt({ sub: JSON.parse(Buffer.from(payload ?? "", "base64url").toString()).sub, exp: now - 1 }),
    await signJwt({ sub: JSON.parse(Buffer.from(payload ?? "", "base64url").toString()).sub, typ: "refresh" }),
    `${b64url({ alg: "none", typ: "JWT" })}.${payload}.`,
    `${b64url({ alg: "HS512", typ: "JWT" })}.${payload}.${access.split(".")[2]}`,
  ];
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(bearer(access)) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        "Bearer",
        "Bearer ",
        "bearer ",
        `bearer ${access}`,
        access,
        "Basic dXNlcjpwYXNz",
        bearer(`${access}x`),
        bearer(access.slice(0, -2)),
        bearer(`${access}.${access}`),
        bearer("null"),
        bearer(others.refresh),
        bearer(others.banned),
        ...forged.map(bearer),
      ),
    },
    {
      weight: 1,
      arbitrary: fc
        .string({ unit: "grapheme-ascii", maxLength: 200 })
        .map((s) => (s.startsWith("Bearer ") ? s : `Bearer ${s}`)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 60_000 }).map((n) => bearer("a".repeat(n))) },
  );
}

const withAuth = (headers: Record<string, string>, auth: string | undefined) =>
  auth === undefined ? headers : { ...headers, authorization: auth };

beforeAll(async () => {
  t = await createTestApp({
    env: {
      RATE_LIMIT_SCALE: "100000",
      FREE_TICKETS_PER_BUYER: "100",
      KASHIER_MERCHANT_ID: "MID-FUZZ-1",
      KASHIER_API_KEY: "kashier-fuzz-api-key",
    },
  });
  driverCalls = countDriverCalls();

  const buyer = await insertTestCustomer(t, { name: "Fuzz Buyer", email: "fuzz.buyer@example.com" });
  const holder = await insertTestCustomer(t, { name: "Ticket Holder" });
  const banned = await insertTestCustomer(t, { name: "Banned" });
  await t.database.db.update(customers).set({ status: "banned" }).where(eq(customers.id, banned.customer.id));
  const refresher = await insertTestCustomer(t, { name: "Refresher" });
  const loginCustomer = await createTestCustomer(t, { name: "Login Person", password: "correct horse battery" });

  // The first category is priced (bought through checkout), the second free (booked at once).
  const { event, categories } = await createTestEvent(t, { capacity: 1_000_000, categories: 2, priceMinor: 25_000 });
  await t.database.db
    .update(ticketCategories)
    .set({ priceMinor: 0 })
    .where(eq(ticketCategories.id, categories[1]?.id ?? ""));
  const soldOut = await createTestEvent(t, { capacity: 0, name: "Sold Out" });
  const past = await createTestEvent(t, { name: "Already Started" });
  await t.database.db
    .update(events)
    .set({ startsAt: new Date(t.clock.now().getTime() - 3_600_000) })
    .where(eq(events.id, past.event.id));

  // The holder's tickets: one of their own, one waiting for a new person (it has a live claim link).
  const recipient = randomMobile();
  const booked = await t.call(
    "POST",
    `${API}/tickets/book/`,
    {
      event_id: event.id,
      items: [{ category_id: categories[1]?.id, quantity: 2, assignees: [null, { mobile_number: recipient.local }] }],
    },
    holder.access,
  );
  if (booked.statusCode !== 201) throw new Error(`setup booking failed: ${booked.body}`);
  const holderTickets = booked.json().tickets as { id: string }[];
  await t.deliverAll();
  const [sms] = await t.inbox(recipient.e164);
  const registrationToken = sms?.text.match(/\/signup\?token=([A-Za-z0-9_-]+)/)?.[1];
  if (!registrationToken) throw new Error(`no claim link in ${sms?.text}`);

  // Someone else's ticket and payments: the buyer's own booking, a sandbox checkout and a Kashier one.
  const buyerBooking = await t.call(
    "POST",
    `${API}/tickets/book/`,
    { event_id: event.id, items: [{ category_id: categories[1]?.id, quantity: 1 }] },
    buyer.access,
  );
  const checkout = await t.call(
    "POST",
    `${API}/payments/process/`,
    { event_id: event.id, items: [{ category_id: categories[0]?.id, quantity: 1 }] },
    buyer.access,
  );
  const holderCheckout = await t.call(
    "POST",
    `${API}/payments/process/`,
    { event_id: event.id, items: [{ category_id: categories[0]?.id, quantity: 1 }] },
    holder.access,
  );
  const [kashierPayment] = await t.database.db
    .insert(payments)
    .values({
      buyerId: buyer.customer.id,
      eventId: event.id,
      items: [{ category_id: categories[0]?.id ?? "", quantity: 1, unit_price_minor: 25_000, assignees: [null] }],
      amountMinor: 25_000,
      currency: "EGP",
      provider: "kashier",
      status: "pending",
      expiresAt: new Date(t.clock.now().getTime() + 15 * 60_000),
    })
    .returning();
  for (const r of [buyerBooking, checkout, holderCheckout]) {
    if (r.statusCode !== 201) throw new Error(`setup purchase failed: ${r.body}`);
  }

  const pendingOtp = randomMobile();
  await t.call("POST", `${API}/users/register/`, { mobile_number: pendingOtp.local, name: "Pending Code" });
  const verified = randomMobile();
  await t.call("POST", `${API}/users/register/`, { mobile_number: verified.local, name: "Verified Person" });
  const code = await t.latestOtp(verified.e164);
  const ok = await t.call("POST", `${API}/users/verify-otp/`, { mobile_number: verified.local, otp_code: code });
  if (ok.statusCode !== 200) throw new Error(`setup verify failed: ${ok.body}`);

  w = {
    buyer,
    holder,
    loginCustomer,
    refreshTokens: [refresher.refresh],
    authHeaders: await authHeadersFor(buyer.access, { refresh: buyer.refresh, banned: banned.access }),
    eventId: event.id,
    categoryIds: categories.map((c) => c.id),
    soldOutEventId: soldOut.event.id,
    soldOutCategoryId: soldOut.category.id,
    pastEventId: past.event.id,
    pastCategoryId: past.category.id,
    paymentIds: [checkout.json().transaction_id, kashierPayment?.id ?? "", holderCheckout.json().transaction_id],
    ticketIds: [...holderTickets.map((x) => x.id), buyerBooking.json().tickets[0].id],
    pendingTicketId: holderTickets[1]?.id ?? "",
    registrationToken,
    pendingOtpNumber: pendingOtp.local,
    verifiedNumber: verified.local,
  };
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const post = (path: string, sent: Sent, query = "", auth?: string): Req => ({
  method: "POST",
  url: `${API}${path}${query}`,
  headers: withAuth(sent.headers, auth),
  ...(sent.payload === undefined ? {} : { payload: sent.payload }),
});
const get = (path: string, query = "", auth?: string): Req => ({
  method: "GET",
  url: `${API}${path}${query}`,
  headers: withAuth({}, auth),
});

/** A body-only POST with a garbage query string now and then. */
const postBody = (path: string, bodies: fc.Arbitrary<unknown>, auth?: fc.Arbitrary<string | undefined>) =>
  fc
    .tuple(transport(bodies), querySuffix, auth ?? fc.constant(undefined))
    .map(([sent, query, header]) => post(path, sent, query, header));

// ---------------------------------------------------------------------------------------------------

it("sees a request's database calls and the rows it wrote, which every property below relies on", async () => {
  const calls = driverCalls();
  const before = await rowCounts();
  const xid = await nextXid();
  const res = await t.call("POST", `${API}/users/register/`, { mobile_number: randomMobile().local, name: "Check" });
  expect(res.statusCode).toBe(200);
  expect(driverCalls()).toBeGreaterThan(calls);
  expect(await nextXid()).not.toBe(xid);
  expect(delta(before, await rowCounts())).toEqual({ otp_codes: 1, notifications: 1 });
});

describe("accounts, under bad input", () => {
  it("POST /users/register/ answers 4xx and writes nothing, or 200 having written one code and its SMS", async () => {
    const mobile = fc.oneof(
      { weight: 3, arbitrary: freshMobile },
      { weight: 1, arbitrary: fc.constant(w.loginCustomer.mobile) },
      { weight: 3, arbitrary: invalidMobile },
    );
    await fuzz({
      name: "POST /users/register/",
      requests: postBody(
        "/users/register/",
        bodyOf({
          mobile_number: mobile,
          name: mostly(validName),
          email: mostly(validEmail, 2),
          locale: mostly(fc.constantFrom("en", "ar"), 2),
        }),
      ),
      onSuccess: (res, written) => {
        expect(res.json()).toMatchObject({ signup_id: expect.any(String), mobile_number: expect.any(String) });
        expect(written).toEqual({ otp_codes: 1, notifications: 1 });
      },
    });
  }, 180_000);

  it("POST /users/verify-otp/ answers 4xx to every wrong code and never creates anything", async () => {
    await fuzz({
      name: "POST /users/verify-otp/",
      requests: postBody(
        "/users/verify-otp/",
        bodyOf({
          mobile_number: fc.oneof(fc.constant(w.pendingOtpNumber), freshMobile, invalidMobile),
          otp_code: mostly(sixDigits),
        }),
      ),
    });
  }, 180_000);

  it("POST /users/complete-registration/ refuses bad input and creates at most the one verified account", async () => {
    await fuzz({
      name: "POST /users/complete-registration/",
      requests: postBody(
        "/users/complete-registration/",
        bodyOf({
          mobile_number: fc.oneof(
            { weight: 1, arbitrary: fc.constant(w.verifiedNumber) },
            { weight: 1, arbitrary: fc.constant(w.loginCustomer.mobile) },
            { weight: 1, arbitrary: freshMobile },
            { weight: 6, arbitrary: invalidMobile },
          ),
          password: mostly(validPassword, 1),
          registration_token: fc.oneof(
            fc.constant(w.registrationToken),
            fc.constant(w.registrationToken.slice(1)),
            fc.constant(w.registrationToken.toUpperCase()),
            garbage,
          ),
        }),
      ),
      onSuccess: (res, written) => {
        expect(res.statusCode).toBe(201);
        expect(written).toEqual({ customers: 1, refresh_tokens: 1 });
      },
    });
  }, 180_000);

  it("POST /users/login/ refuses bad input, and a right password only ever queues a code", async () => {
    await fuzz({
      name: "POST /users/login/",
      requests: postBody(
        "/users/login/",
        bodyOf({
          mobile_number: fc.oneof(
            { weight: 2, arbitrary: fc.constant(w.loginCustomer.mobile) },
            { weight: 1, arbitrary: fc.constant(w.buyer.e164) },
            { weight: 1, arbitrary: freshMobile },
            { weight: 8, arbitrary: invalidMobile },
          ),
          password: fc.oneof(
            { weight: 1, arbitrary: fc.constant(w.loginCustomer.password) },
            { weight: 1, arbitrary: validPassword },
            { weight: 4, arbitrary: garbage },
          ),
        }),
      ),
      onSuccess: (res, written) => {
        expect(res.json()).toEqual({ otp_required: true });
        expect(written).toEqual({ otp_codes: 1, notifications: 1 });
      },
    });
  }, 180_000);

  it("POST /users/verify-login-otp/ answers 4xx to every wrong code and starts no session", async () => {
    await fuzz({
      name: "POST /users/verify-login-otp/",
      requests: postBody(
        "/users/verify-login-otp/",
        bodyOf({
          mobile_number: fc.oneof(fc.constant(w.loginCustomer.mobile), freshMobile, invalidMobile),
          otp_code: mostly(sixDigits),
        }),
      ),
      onSuccess: (_res, written) => expect(written).toEqual({ refresh_tokens: 1 }),
    });
  }, 180_000);

  it("POST /users/refresh-token/ refuses every token it did not issue", async () => {
    const refresh = fc.oneof(
      { weight: 1, arbitrary: fc.constantFrom(...w.refreshTokens) },
      fc.constantFrom(...w.refreshTokens).map((r) => r.slice(0, -1)),
      fc.constantFrom(...w.refreshTokens).map((r) => ` ${r} `),
      fc.constant(w.buyer.access),
      { weight: 6, arbitrary: garbage },
    );
    await fuzz({
      name: "POST /users/refresh-token/",
      requests: postBody("/users/refresh-token/", bodyOf({ refresh })),
      onSuccess: (res, written) => {
        expect(res.json()).toMatchObject({ access: expect.any(String), refresh: expect.any(String) });
        expect(written).toEqual({ refresh_tokens: 1 });
      },
    });
  }, 180_000);

  it("GET /users/me/ answers the signed-in customer or a clean 401/403, whatever the headers and query", async () => {
    await fuzz({
      name: "GET /users/me/",
      requests: fc.tuple(querySuffix, w.authHeaders).map(([query, auth]) => get("/users/me/", query, auth)),
    });
  }, 180_000);

  it("GET /users/validate-registration-token/ answers every token it does not know with valid:false", async () => {
    const token = w.registrationToken;
    const tokenQuery = fc.oneof(
      { weight: 2, arbitrary: fc.constant(`?token=${token}`) },
      fc.constantFrom(
        `?token=${token.slice(0, -1)}`,
        `?token=${token}A`,
        `?token=${token.toUpperCase()}`,
        `?token=%20${token}%20`,
        `?token=${token}%00`,
        `?token=${token}&token=${token}`,
        `?token[]=${token}`,
        `?token[a]=${token}`,
        "",
        "?",
        "?token",
        "?token=",
        "?token=%20%20",
        "?token=%E0%A4%A",
        "?token=%FF",
        "?TOKEN=abc",
      ),
      { weight: 4, arbitrary: nastyString.map((s) => `?token=${percentEncode(s)}`) },
      { weight: 1, arbitrary: oversizedString.map((s) => `?token=${percentEncode(s.slice(0, 30_000))}`) },
      { weight: 1, arbitrary: fc.integer({ min: 500, max: 600 }).map((n) => `?token=${"a".repeat(n)}`) },
    );
    await fuzz({
      name: "GET /users/validate-registration-token/",
      tokenValidation: true,
      requests: fc
        .tuple(tokenQuery, querySuffix)
        .map(([q, extra]) =>
          get("/users/validate-registration-token/", q + (q && extra ? `&${extra.slice(1)}` : q ? "" : extra)),
        ),
      onSuccess: (res, written) => {
        expect(res.json()).toMatchObject({ valid: true });
        expect(written).toEqual({});
      },
    });
  }, 180_000);
});

describe("events, under bad input", () => {
  it("GET /public/events/ lists events whatever the query string", async () => {
    await fuzz({
      name: "GET /public/events/",
      requests: querySuffix.map((query) => get("/public/events/", query)),
    });
  }, 180_000);

  it("GET /public/events/:id/ answers 400 or 404 to every id that is not an event's", async () => {
    await fuzz({
      name: "GET /public/events/:id/",
      requests: fc
        .tuple(pathSegment([w.eventId, w.soldOutEventId, w.pastEventId]), querySuffix)
        .map(([id, query]) => get(`/public/events/${id}/`, query)),
    });
  }, 180_000);
});

describe("purchases and payments, under bad input", () => {
  const purchaseBodies = () => {
    const categoryId = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...w.categoryIds) },
      { weight: 1, arbitrary: fc.constant(w.soldOutCategoryId) },
      { weight: 1, arbitrary: fc.constant(w.pastCategoryId) },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 1, arbitrary: garbage },
    );
    const quantity = fc.oneof(
      { weight: 8, arbitrary: fc.integer({ min: 1, max: 3 }) },
      { weight: 1, arbitrary: fc.constantFrom(0, -1, 11, 21, 1.5, 2 ** 31, 2 ** 53 + 2, Number.NaN) },
      { weight: 1, arbitrary: fc.constantFrom("1", "-0", "1e308").map((x) => new Raw(x)) },
      { weight: 1, arbitrary: garbage },
    );
    const assignee = fc.oneof(
      { weight: 3, arbitrary: fc.constant(null) },
      {
        weight: 6,
        arbitrary: objectOf({
          name: mostly(validName),
          mobile_number: fc.oneof(
            { weight: 4, arbitrary: freshMobile },
            { weight: 1, arbitrary: fc.constant(w.buyer.e164) },
            { weight: 1, arbitrary: fc.constant(w.holder.e164) },
            { weight: 2, arbitrary: invalidMobile },
          ),
          email: mostly(validEmail, 2),
        }),
      },
      { weight: 1, arbitrary: garbage },
    );
    const item = fc
      .tuple(categoryId, quantity, fc.array(assignee, { maxLength: 4 }), fc.nat(7))
      .chain(([category_id, q, pool, mode]) => {
        // Usually one assignee per ticket (or none), as a real client sends; otherwise a wrong count or garbage.
        const count = typeof q === "number" && Number.isInteger(q) && q >= 0 && q <= 10 ? q : pool.length;
        const matching = Array.from({ length: count }, (_, i) => pool[i % Math.max(pool.length, 1)] ?? null);
        const assignees = mode <= 2 ? undefined : mode <= 5 ? matching : mode === 6 ? pool : undefined;
        return objectOf({
          category_id: fc.constant(category_id),
          quantity: fc.constant(q),
          ...(assignees === undefined ? {} : { assignees: fc.constant(assignees) }),
          ...(mode === 7 ? { assignees: garbage } : {}),
        });
      });
    const items = fc.oneof(
      { weight: 12, arbitrary: fc.array(item, { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.array(item, { minLength: 0, maxLength: 12 }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.integer({ min: 1_000, max: 10_000 }), fc.constantFrom("0", "{}", "null", '""'))
          .map(([n, x]) => new Raw(`[${Array(n).fill(x).join(",")}]`)),
      },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 11, max: 10_000 })
          .map((n) => Array.from({ length: n }, () => ({ category_id: w.categoryIds[0], quantity: 1 }))),
      },
      { weight: 2, arbitrary: garbage },
    );
    return bodyOf({
      event_id: fc.oneof(
        { weight: 10, arbitrary: fc.constant(w.eventId) },
        { weight: 1, arbitrary: fc.constant(w.soldOutEventId) },
        { weight: 1, arbitrary: fc.constant(w.pastEventId) },
        { weight: 1, arbitrary: fc.uuid() },
        { weight: 2, arbitrary: garbage },
      ),
      items,
    });
  };

  const untouched = (written: Delta, ...tables: Table[]) => {
    for (const n of tables) expect(written[n] ?? 0, `${n} changed`).toBe(0);
  };

  it("POST /tickets/book/ refuses bad input whole, and a valid booking writes exactly its tickets", async () => {
    await fuzz({
      name: "POST /tickets/book/",
      requests: postBody("/tickets/book/", purchaseBodies(), w.authHeaders),
      onSuccess: (res, written) => {
        expect(res.statusCode).toBe(201);
        const booked = res.json() as { payment_id: string; tickets: unknown[] };
        expect(written.payments).toBe(1);
        expect(written.tickets).toBe(booked.tickets.length);
        untouched(written, "customers", "otp_codes", "webhook_events", "refresh_tokens");
      },
    });
  }, 180_000);

  it("POST /payments/process/ refuses bad input whole, and a valid checkout writes one pending payment", async () => {
    await fuzz({
      name: "POST /payments/process/",
      requests: postBody("/payments/process/", purchaseBodies(), w.authHeaders),
      onSuccess: (res, written) => {
        expect(res.statusCode).toBe(201);
        expect(res.json()).toMatchObject({ transaction_id: expect.any(String), checkout_url: expect.any(String) });
        expect(written).toEqual({ payments: 1 });
      },
    });
  }, 180_000);

  it("POST /payments/confirm/ never issues a ticket for an unsigned or mis-signed redirect", async () => {
    const [sandboxPayment = "", kashierPayment = ""] = w.paymentIds;
    const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 });
    const params = fc.oneof(
      fc.constant(new Obj([])),
      objectOf({
        transaction_id: fc.oneof(fc.constantFrom(...w.paymentIds), garbage),
        status: mostly(fc.constantFrom("paid", "failed")),
        reference: mostly(fc.constant("sbx_ref")),
        signature: mostly(hex),
      }),
      objectOf({
        merchantOrderId: fc.oneof(fc.constant(kashierPayment), garbage),
        paymentStatus: mostly(fc.constant("SUCCESS")),
        amount: mostly(fc.constant("250.00")),
        currency: mostly(fc.constant("EGP")),
        transactionId: mostly(fc.constant("TX-1")),
        signature: mostly(hex),
        mode: mostly(fc.constant("test")),
      }),
      fc
        .array(fc.tuple(fc.oneof(nastyString, fc.constantFrom(...PROTO_KEYS)), garbage), { maxLength: 6 })
        .map((pairs) => new Obj(pairs)),
      fc.constant(new Obj([["k".repeat(65), "v"]])),
      fc.constant(new Obj([["k", "v".repeat(513)]])),
      garbage,
    );
    await fuzz({
      name: "POST /payments/confirm/",
      requests: postBody(
        "/payments/confirm/",
        bodyOf({
          transaction_id: fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(sandboxPayment, kashierPayment) },
            { weight: 1, arbitrary: fc.constantFrom(...w.paymentIds) },
            { weight: 1, arbitrary: fc.uuid() },
            { weight: 2, arbitrary: garbage },
          ),
          params,
        }),
        w.authHeaders,
      ),
    });
  }, 180_000);

  it("GET /payments/:id/status/ shows the buyer's own payments and nothing else", async () => {
    await fuzz({
      name: "GET /payments/:id/status/",
      requests: fc
        .tuple(pathSegment(w.paymentIds), querySuffix, w.authHeaders)
        .map(([id, query, auth]) => get(`/payments/${id}/status/`, query, auth)),
    });
  }, 180_000);

  it("POST /payments/webhook/:provider/ refuses every unsigned or mis-signed webhook and records nothing", async () => {
    const now = Math.floor(t.clock.now().getTime() / 1000);
    const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 0, maxLength: 80 });
    const provider = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom("sandbox", "kashier") },
      fc.constantFrom(
        "SANDBOX",
        "Kashier",
        "booking",
        "stripe",
        "",
        "%00",
        "sandbox%00",
        "%E0%A4%A",
        "..",
        "__proto__",
      ),
      { weight: 2, arbitrary: nastyString.map(percentEncode) },
      fc.integer({ min: 30, max: 200 }).map((n) => "p".repeat(n)),
    );
    const paymentId = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...w.paymentIds) }, garbage);
    const sandboxBody = objectOf({
      event_id: mostly(fc.string({ minLength: 1, maxLength: 20 })),
      transaction_id: paymentId,
      status: mostly(fc.constantFrom("paid", "failed")),
      reference: mostly(fc.constant("sbx_ref")),
      amount_minor: mostly(fc.constantFrom(25_000, 0, -1)),
      currency: mostly(fc.constant("EGP")),
    });
    const kashierData = objectOf({
      signatureKeys: fc.oneof(
        fc.array(
          fc.oneof(
            {
              weight: 4,
              arbitrary: fc.constantFrom("merchantOrderId", "status", "amount", "currency", "transactionId"),
            },
            { weight: 4, arbitrary: nastyString },
            { weight: 1, arbitrary: wrongType },
            { weight: 1, arbitrary: fc.constantFrom(...PROTO_KEYS).map((k) => new Obj([[k, 1]])) },
          ),
          { maxLength: 8 },
        ),
        garbage,
      ),
      merchantOrderId: paymentId,
      status: mostly(fc.constant("SUCCESS")),
      amount: mostly(fc.constant("250.00")),
      currency: mostly(fc.constant("EGP")),
      transactionId: mostly(fc.string({ maxLength: 20 })),
    });
    const kashierBody = objectOf({ event: mostly(fc.constant("pay")), data: fc.oneof(kashierData, garbage) });
    const sandboxSignature = fc.oneof(
      hex.map((sig) => `t=${now},v1=${sig}`),
      hex.map((sig) => `t=${now - 100_000},v1=${sig}`),
      hex.map((sig) => `v1=${sig}`),
      fc.constantFrom(`t=${now}`, "t=,v1=", "t=abc,v1=def", "t=1e3,v1=x", ",,,", "=", `t=${now},v1=${"0".repeat(64)}`),
      fc.string({ unit: "grapheme-ascii", maxLength: 200 }),
      fc.integer({ min: 1_000, max: 30_000 }).map((n) => `t=${now},v1=${"a".repeat(n)}`),
    );
    const headers = fc
      .record(
        {
          "content-type": fc.constantFrom(...WRONG_CONTENT_TYPES, "application/json", "application/json"),
          "x-sandbox-signature": sandboxSignature,
          "x-kashier-signature": fc.oneof(hex, fc.string({ unit: "grapheme-ascii", maxLength: 100 })),
        },
        { requiredKeys: [] },
      )
      .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);
    const payload = fc.oneof(
      { weight: 4, arbitrary: sandboxBody.map(encode) },
      { weight: 4, arbitrary: kashierBody.map(encode) },
      { weight: 2, arbitrary: malformedJson },
      { weight: 1, arbitrary: nastyString },
      {
        weight: 1,
        arbitrary: fc
          .tuple(kashierBody, invalidUtf8)
          .map(([b, bytes]) => Buffer.concat([Buffer.from(encode(b)), bytes])),
      },
      { weight: 1, arbitrary: oversizedString },
      { weight: 1, arbitrary: fc.constant(undefined) },
    );
    await fuzz({
      name: "POST /payments/webhook/:provider/",
      neverSucceeds: true,
      requests: fc.tuple(provider, headers, payload, querySuffix).map(
        ([name, h, body, query]): Req => ({
          method: "POST",
          url: `${API}/payments/webhook/${name}/${query}`,
          headers: h,
          ...(body === undefined ? {} : { payload: body }),
        }),
      ),
    });
  }, 180_000);
});

describe("tickets, under bad input", () => {
  const holderAuth = () =>
    fc.oneof({ weight: 12, arbitrary: fc.constant(bearer(w.holder.access)) }, { weight: 4, arbitrary: w.authHeaders });

  it("GET /users/tickets/ lists the caller's tickets or answers 401/403, whatever the headers and query", async () => {
    await fuzz({
      name: "GET /users/tickets/",
      requests: fc.tuple(querySuffix, holderAuth()).map(([query, auth]) => get("/users/tickets/", query, auth)),
    });
  }, 180_000);

  it("GET /users/tickets/:id/ shows only a ticket the caller holds or bought", async () => {
    await fuzz({
      name: "GET /users/tickets/:id/",
      requests: fc
        .tuple(pathSegment(w.ticketIds), querySuffix, holderAuth())
        .map(([id, query, auth]) => get(`/users/tickets/${id}/`, query, auth)),
    });
  }, 180_000);

  it("POST /users/tickets/:id/resend-claim/ refuses bad input, and a resend writes one new link and its SMS", async () => {
    await fuzz({
      name: "POST /users/tickets/:id/resend-claim/",
      requests: fc
        .tuple(pathSegment([w.pendingTicketId, ...w.ticketIds]), transport(bodyOf({})), querySuffix, holderAuth())
        .map(([id, sent, query, auth]) => post(`/users/tickets/${id}/resend-claim/`, sent, query, auth)),
      onSuccess: (res, written) => {
        expect(res.statusCode).toBe(202);
        expect(written).toEqual({ ticket_registration_tokens: 1, notifications: 1 });
      },
    });
  }, 180_000);
});

describe("inputs that once broke the error shape or caused a 500", () => {
  it("answers a path with broken percent-encoding in the standard error shape", async () => {
    const req: Req = { method: "GET", url: `${API}/public/events/%E0%A4%A/`, headers: {} };
    const res = await t.app.inject(req);
    expectErrorShape(req, res, JSON.parse(res.body), false);
  });

  it("answers an over-long path parameter in the standard error shape", async () => {
    const req: Req = { method: "GET", url: `${API}/public/events/${"a".repeat(101)}/`, headers: {} };
    const res = await t.app.inject(req);
    expectErrorShape(req, res, JSON.parse(res.body), false);
  });

  it("answers an unsigned Kashier webhook carrying a lone surrogate with 401, not 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/payments/webhook/kashier/`,
      headers: JSON_TYPE,
      payload: '{"data":{"signatureKeys":["a"],"a":"\\ud800"}}',
    });
    expect(res.statusCode).toBe(401);
  });

  it("answers an unsigned Kashier webhook whose body is null with 401, not 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/payments/webhook/kashier/`,
      headers: JSON_TYPE,
      payload: "null",
    });
    expect(res.statusCode).toBe(401);
  });

  it("answers an unsigned Kashier webhook whose signature keys hide a toString with 401, not 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/payments/webhook/kashier/`,
      headers: JSON_TYPE,
      payload: '{"data":{"signatureKeys":[{"toString":1}]}}',
    });
    expect(res.statusCode).toBe(401);
  });

  it("answers an unsigned Kashier webhook nested 10,000 deep with 401, not 500", async () => {
    const res = await t.app.inject({
      method: "POST",
      url: `${API}/payments/webhook/kashier/`,
      headers: JSON_TYPE,
      payload: `{"data":{"signatureKeys":[${"[".repeat(10_000)}${"]".repeat(10_000)}]}}`,
    });
    expect(res.statusCode).toBe(401);
  });

  it("answers an over-long registration token with valid:false", async () => {
    const res = await t.app.inject({
      method: "GET",
      url: `${API}/users/validate-registration-token/?token=${"a".repeat(513)}`,
    });
    expect(res.json()).toMatchObject({ valid: false });
  });
});
