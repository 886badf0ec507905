import { randomBytes, randomUUID } from "node:crypto";
import type { AuthTokens, User } from "@ticketrunners/shared";
import { eq, sql } from "drizzle-orm";
import { jwtVerify, SignJWT } from "jose";
import type { DbOrTx } from "../db/client";
import { preparedQuery } from "../db/prepared";
import { customers, refreshTokens } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { DAY, MINUTE } from "../shared/clock";
import { sha256 } from "../shared/hashing";
import { isUuid } from "../shared/ids";

export const ACCESS_TOKEN_TTL_MS = 15 * MINUTE;
export const REFRESH_TOKEN_TTL_MS = 30 * DAY;

type Customer = typeof customers.$inferSelect;

/** What the API answers when a session starts or rotates (authTokensSchema in shared). */
export type Session = AuthTokens;

export const toUser = (c: Customer): User => ({
  id: c.id,
  mobile_number: c.mobileNumber,
  name: c.name,
  email: c.email,
  locale: c.locale,
  role: c.role,
});

const customerById = preparedQuery((db) =>
  db
    .select()
    .from(customers)
    .where(eq(customers.id, sql.placeholder("id")))
    .prepare("customer_by_id"),
);

/** Signing, checking and rotating sessions needs the key, the time and the database. */
export type SessionDeps = Pick<Deps, "db" | "clock" | "config">;

const signingKey = (deps: Pick<Deps, "config">) => new TextEncoder().encode(deps.config.JWT_SECRET);

async function signAccessToken(deps: Pick<Deps, "clock" | "config">, customerId: string): Promise<string> {
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  return new SignJWT({ typ: "access" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(customerId)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_TTL_MS / 1000)
    .sign(signingKey(deps));
}

/** `expiresAt` is the family's: fixed at the login that started it, never pushed back by rotation. */
async function createRefreshToken(
  deps: Pick<Deps, "clock">,
  tx: DbOrTx,
  family: { customerId: string; familyId: string; expiresAt: Date },
): Promise<string> {
  const raw = randomBytes(32).toString("base64url");
  await tx.insert(refreshTokens).values({ ...family, tokenHash: sha256(raw), createdAt: deps.clock.now() });
  return raw;
}

/** Access and refresh tokens for a customer whose number was just verified by OTP. */
export async function startSession(
  deps: Pick<Deps, "clock" | "config">,
  tx: DbOrTx,
  customer: Customer,
): Promise<Session> {
  return {
    access: await signAccessToken(deps, customer.id),
    refresh: await createRefreshToken(deps, tx, {
      customerId: customer.id,
      familyId: randomUUID(),
      expiresAt: new Date(deps.clock.now().getTime() + REFRESH_TOKEN_TTL_MS),
    }),
    user: toUser(customer),
  };
}

const invalidRefresh = () => new AppError("INVALID_REFRESH_TOKEN", 401, "Your session has ended. Please log in again.");

/**
 * Exchanges a refresh token for a new pair, within the 30 days of the login that started the family.
 * Each refresh token works once; presenting one that was
 * already exchanged means it was copied, so the whole login (its family) is revoked.
 */
export async function rotateRefreshToken(deps: SessionDeps, raw: string): Promise<Session> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, sha256(raw)))
      .limit(1)
      .for("update");
    if (!row || row.revokedAt || row.expiresAt <= now) return { error: invalidRefresh() };
    if (row.rotatedAt) {
      await tx.update(refreshTokens).set({ revokedAt: now }).where(eq(refreshTokens.familyId, row.familyId));
      return {
        error: new AppError("REFRESH_TOKEN_REUSED", 401, "This session was used elsewhere. Please log in again."),
      };
    }
    const customer = await tx.query.customers.findFirst({ where: eq(customers.id, row.customerId) });
    if (!customer) return { error: invalidRefresh() };
    if (customer.status !== "active") return { error: bannedError() };
    await tx.update(refreshTokens).set({ rotatedAt: now }).where(eq(refreshTokens.id, row.id));
    return {
      session: {
        access: await signAccessToken(deps, customer.id),
        refresh: await createRefreshToken(deps, tx, {
          customerId: customer.id,
          familyId: row.familyId,
          expiresAt: row.expiresAt,
        }),
        user: toUser(customer),
      },
    };
  });
  if ("error" in outcome) throw outcome.error;
  return outcome.session;
}

export const bannedError = () => new AppError("ACCOUNT_BANNED", 403, "This account is suspended.");

/** The active customer an access token belongs to; banned customers' tokens stop working at once. */
export async function authenticateAccessToken(deps: SessionDeps, token: string): Promise<Customer> {
  let customerId: string | undefined;
  try {
    const { payload } = await jwtVerify(token, signingKey(deps), {
      algorithms: ["HS256"],
      currentDate: deps.clock.now(),
    });
    if (payload.typ === "access" && isUuid(payload.sub)) customerId = payload.sub;
  } catch {
    customerId = undefined;
  }
  if (!customerId) throw new AppError("UNAUTHORIZED", 401, "Please log in.");
  const [customer] = await customerById(deps.db).execute({ id: customerId });
  if (!customer) throw new AppError("UNAUTHORIZED", 401, "Please log in.");
  if (customer.status !== "active") throw bannedError();
  return customer;
}
