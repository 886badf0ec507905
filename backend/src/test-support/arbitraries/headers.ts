import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { SignJWT } from "jose";
import { TEST_JWT_SECRET } from "../test-app";

export const bearer = (token: string) => `Bearer ${token}`;
const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");

async function signJwt(at: Date, claims: { sub: string; typ?: string; exp?: number }, secret = TEST_JWT_SECRET) {
  const now = Math.floor(at.getTime() / 1000);
  return new SignJWT({ typ: claims.typ ?? "access" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(claims.sub)
    .setIssuedAt(now)
    .setExpirationTime(claims.exp ?? now + 900)
    .sign(new TextEncoder().encode(secret));
}

/**
 * Authorization headers: mostly `access`, otherwise every way a token can be wrong (forged, expired,
 * of the wrong type or algorithm, a refresh token, a banned customer's), for tokens issued at `at`.
 */
export async function authHeadersFor(at: Date, access: string, others: { refresh: string; banned: string }) {
  const now = Math.floor(at.getTime() / 1000);
  const [, payload] = access.split(".");
  const forged = [
    await signJwt(at, { sub: randomUUID() }),
    await signJwt(at, { sub: randomUUID() }, "another-secret-another-secret-another-secret"),
    await signJwt(at, { sub: JSON.parse(Buffer.from(payload ?? "", "base64url").toString()).sub, exp: now - 1 }),
    await signJwt(at, { sub: JSON.parse(Buffer.from(payload ?? "", "base64url").toString()).sub, typ: "refresh" }),
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
