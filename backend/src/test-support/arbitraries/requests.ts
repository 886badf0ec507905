import fc from "fast-check";
import { encode, invalidUtf8, malformedJson, nastyString, Obj, percentEncode } from "./json";

/*
 * Requests for the bad-input properties: how a body travels (content types, encodings, sizes), query
 * strings, path ids, and the request an endpoint is sent.
 */

export const API = "/api/v1";

/** A request as `inject` sends it. */
export interface Req {
  method: "GET" | "POST";
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

const formEncode = (body: unknown) =>
  body instanceof Obj
    ? body.pairs
        .map(([k, v]) => `${percentEncode(k)}=${percentEncode(typeof v === "string" ? v : encode(v))}`)
        .join("&")
    : percentEncode(encode(body));

export const WRONG_CONTENT_TYPES = [
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

export interface Sent {
  headers: Record<string, string>;
  payload?: string | Buffer;
}
export const JSON_TYPE = { "content-type": "application/json" };

/** How a body travels: mostly as JSON, otherwise malformed, mislabelled, mis-encoded, oversized or absent. */
export function transport(bodies: fc.Arbitrary<unknown>): fc.Arbitrary<Sent> {
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
export const querySuffix = fc.oneof(
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
export const pathSegment = (real: string[]) =>
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

const withAuth = (headers: Record<string, string>, auth: string | undefined) =>
  auth === undefined ? headers : { ...headers, authorization: auth };

/** A POST of `sent` to `path` (below /api/v1), with a query string and an Authorization header. */
export const post = (path: string, sent: Sent, query = "", auth?: string): Req => ({
  method: "POST",
  url: `${API}${path}${query}`,
  headers: withAuth(sent.headers, auth),
  ...(sent.payload === undefined ? {} : { payload: sent.payload }),
});

/** A GET of `path` (below /api/v1), with a query string and an Authorization header. */
export const get = (path: string, query = "", auth?: string): Req => ({
  method: "GET",
  url: `${API}${path}${query}`,
  headers: withAuth({}, auth),
});
