import { randomBytes } from "node:crypto";
import type { ValidateRegistrationTokenResponse } from "@ticketrunners/shared";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { preparedQuery } from "../db/prepared";
import { customers, events, payments, ticketGifts, ticketRegistrationTokens, tickets } from "../db/schema";
import type { Deps } from "../deps";
import { AppError } from "../shared/app-error";
import { DAY } from "../shared/clock";
import { sha256 } from "../shared/hashing";

type TokenRow = typeof ticketRegistrationTokens.$inferSelect;

/** Issues a claim token for a recipient: 256 random bits, URL-safe; only its hash is kept. */
export async function issueRegistrationToken(
  deps: Pick<Deps, "clock" | "config">,
  tx: Tx,
  input: {
    ticketId: string;
    paymentId: string;
    giftKey: string;
    phoneNumber: string;
    reason: "purchase" | "resend" | "reminder";
  },
): Promise<{ raw: string; row: TokenRow }> {
  const raw = randomBytes(32).toString("base64url");
  const now = deps.clock.now();
  const [row] = await tx
    .insert(ticketRegistrationTokens)
    .values({
      tokenHash: sha256(raw),
      ticketId: input.ticketId,
      paymentId: input.paymentId,
      phoneNumber: input.phoneNumber,
      giftKey: input.giftKey,
      reason: input.reason,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.config.REGISTRATION_TOKEN_TTL_DAYS * DAY),
    })
    .returning();
  if (!row) throw new Error("token insert returned nothing");
  return { raw, row };
}

export class TokenProblem extends AppError {}

const tokenNotFound = () => new TokenProblem("TOKEN_NOT_FOUND", 404, "This link is not valid.");

/** The token a raw value hashes to (exact match only), checked for use, revocation and expiry. */
export async function findUsableToken(
  deps: Pick<Deps, "clock">,
  db: DbOrTx,
  raw: string,
  lock = false,
): Promise<TokenRow> {
  const query = db
    .select()
    .from(ticketRegistrationTokens)
    .where(eq(ticketRegistrationTokens.tokenHash, sha256(raw)))
    .limit(1);
  const [token] = lock ? await query.for("update") : await query;
  if (!token) throw tokenNotFound();
  checkUsable(deps, token);
  return token;
}

function checkUsable(deps: Pick<Deps, "clock">, token: TokenRow): void {
  if (token.used || token.revokedAt) throw new TokenProblem("TOKEN_USED", 410, "This link was already used.");
  if (token.expiresAt <= deps.clock.now()) throw new TokenProblem("TOKEN_EXPIRED", 410, "This link has expired.");
}

const t = ticketRegistrationTokens;
const tokenDescription = preparedQuery((db) =>
  db
    .select({
      token: t,
      eventName: events.name,
      // The sender the recipient knows: the buyer, or the holder who passed the ticket on.
      senderName: sql<string>`coalesce((select s.name from ${ticketGifts} g join ${customers} s on s.id = g.sender_id
        where g.gift_key = ${t.giftKey} order by g.created_at desc limit 1), ${customers.name})`,
      waiting: sql<number | string>`(select count(*) from ${ticketGifts} w where w.gift_key = ${t.giftKey}
        and w.mobile_number = ${t.phoneNumber} and w.status = 'waiting')`,
    })
    .from(t)
    .innerJoin(tickets, eq(tickets.id, t.ticketId))
    .innerJoin(events, eq(events.id, tickets.eventId))
    .innerJoin(payments, eq(payments.id, t.paymentId))
    .innerJoin(customers, eq(customers.id, payments.buyerId))
    .where(eq(t.tokenHash, sql.placeholder("hash")))
    .limit(1)
    .prepare("registration_token_description"),
);

/**
 * Revokes the live claim links a gift sent to a number once no ticket of that gift waits for it any
 * more (it was reassigned, cancelled or claimed by another way); while one still waits, its link works.
 */
export async function revokeClaimLinksIfNothingWaits(
  tx: Tx,
  gift: { giftKey: string; mobileNumber: string },
  now: Date,
): Promise<void> {
  const [stillWaiting] = await tx
    .select({ id: ticketGifts.id })
    .from(ticketGifts)
    .where(
      and(
        eq(ticketGifts.giftKey, gift.giftKey),
        eq(ticketGifts.mobileNumber, gift.mobileNumber),
        eq(ticketGifts.status, "waiting"),
      ),
    )
    .limit(1);
  if (stillWaiting) return;
  await revokeClaimLinks(tx, gift, now);
}

/** Every live claim link of a gift to a number stops working (a resend or reminder replaces them). */
export async function revokeClaimLinks(tx: Tx, gift: { giftKey: string; mobileNumber: string }, now: Date) {
  await tx
    .update(t)
    .set({ revokedAt: now })
    .where(
      and(eq(t.giftKey, gift.giftKey), eq(t.phoneNumber, gift.mobileNumber), eq(t.used, false), isNull(t.revokedAt)),
    );
}

/** What the signup page shows for a claim link. Reads only: links nothing, spends nothing. One query. */
export async function validateRegistrationToken(
  deps: Pick<Deps, "db" | "clock">,
  raw: string,
): Promise<ValidateRegistrationTokenResponse> {
  const [row] = await tokenDescription(deps.db).execute({ hash: sha256(raw) });
  if (!row) throw tokenNotFound();
  checkUsable(deps, row.token);
  return {
    valid: true,
    phone_number: row.token.phoneNumber,
    ticket_id: row.token.ticketId,
    ticket_count: Number(row.waiting),
    event_name: row.eventName,
    purchaser_name: row.senderName,
    expires_at: row.token.expiresAt.toISOString(),
  };
}
