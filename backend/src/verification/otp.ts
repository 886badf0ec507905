import { randomBytes, randomInt } from "node:crypto";
import {
  type Locale,
  OTP_MAX_ATTEMPTS,
  OTP_MAX_PER_DAY,
  OTP_RESEND_INTERVAL_SECONDS,
  OTP_TTL_MINUTES,
  SIGNUP_TOKEN_TTL_MINUTES,
  TRANSFER_CODE_TTL_MINUTES,
} from "@ticketrunners/shared";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "../db/client";
import { type OtpPurpose, otpCodes } from "../db/schema";
import type { Deps } from "../deps";
import { otpSms } from "../notifications/messages/otp.sms";
import { type OutboxDeps, queueMessage } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { DAY, MINUTE } from "../shared/clock";
import { hmacSha256, safeEqual, sha256 } from "../shared/hashing";

/** A transfer code serves its owner's transfers for longer: several tickets to several people, one code. */
const ttlOf = (purpose: OtpPurpose) => (purpose === "transfer" ? TRANSFER_CODE_TTL_MINUTES : OTP_TTL_MINUTES) * MINUTE;

const OTP_RESEND_INTERVAL_MS = OTP_RESEND_INTERVAL_SECONDS * 1000;
/** How long the secret handed out at verification keeps a verified signup open. */
const SIGNUP_TOKEN_TTL_MS = SIGNUP_TOKEN_TTL_MINUTES * MINUTE;

type OtpRow = typeof otpCodes.$inferSelect;

/** What issuing and checking codes needs: the database, the time, the HMAC key and the outbox. */
export type OtpDeps = Pick<Deps, "db" | "clock" | "config"> & OutboxDeps;

const codeHash = (deps: Pick<Deps, "config">, purpose: OtpPurpose, target: string, code: string) =>
  hmacSha256(deps.config.JWT_SECRET, `otp:${purpose}:${target}:${code}`);

/**
 * Issues a fresh code for (purpose, number) and queues its SMS, in the caller's transaction.
 * Refuses (429) when a code was sent to that number less than a minute ago.
 */
export async function issueOtp(
  deps: OtpDeps,
  tx: Tx,
  input: { purpose: OtpPurpose; target: string; locale: Locale; payload?: OtpRow["payload"] },
): Promise<OtpRow> {
  const now = deps.clock.now();
  // Serialises requests for one number so two concurrent requests cannot both pass the throttle.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`otp:${input.target}`}))`);
  const [latest] = await tx
    .select({ createdAt: otpCodes.createdAt })
    .from(otpCodes)
    .where(and(eq(otpCodes.target, input.target), eq(otpCodes.purpose, input.purpose)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  const waitMs = latest ? latest.createdAt.getTime() + OTP_RESEND_INTERVAL_MS - now.getTime() : 0;
  if (waitMs > 0) {
    throw new AppError("OTP_THROTTLED", 429, "A code was sent to this number less than a minute ago. Please wait.", {
      retry_after_seconds: Math.ceil(waitMs / 1000),
    });
  }
  const dayAgo = new Date(now.getTime() - DAY);
  // Codes texted to one number for one purpose per 24 h: bounds what SMS pumping can cost us.
  const sentToday = await tx
    .select({ createdAt: otpCodes.createdAt })
    .from(otpCodes)
    .where(and(eq(otpCodes.target, input.target), eq(otpCodes.purpose, input.purpose), gt(otpCodes.createdAt, dayAgo)))
    .orderBy(otpCodes.createdAt);
  if (sentToday.length >= OTP_MAX_PER_DAY) {
    const oldest = sentToday[0]?.createdAt ?? now;
    throw new AppError(
      "LIMIT_REACHED",
      429,
      `We have texted ${OTP_MAX_PER_DAY} codes to this number in the last 24 hours. Try again later.`,
      {
        kind: "codes_per_number",
        limit: OTP_MAX_PER_DAY,
        retry_after_seconds: Math.ceil((oldest.getTime() + DAY - now.getTime()) / 1000),
      },
    );
  }
  // A login accepts only the newest code. Sign-up codes stay each bound to the register call that asked
  // for it (and to what that call said about the person), so a stranger's later call voids nothing.
  if (input.purpose !== "register") {
    await tx
      .update(otpCodes)
      .set({ consumedAt: now })
      .where(and(eq(otpCodes.target, input.target), eq(otpCodes.purpose, input.purpose), isNull(otpCodes.consumedAt)));
  }

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const [row] = await tx
    .insert(otpCodes)
    .values({
      purpose: input.purpose,
      target: input.target,
      codeHash: codeHash(deps, input.purpose, input.target, code),
      payload: input.payload,
      expiresAt: new Date(now.getTime() + ttlOf(input.purpose)),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("otp insert returned nothing");
  await queueMessage(deps, tx, {
    channel: "sms",
    recipient: input.target,
    template: `otp-${input.purpose}`,
    locale: input.locale,
    body: otpSms(input.purpose, input.locale, { ttlMs: ttlOf(input.purpose) }),
    secret: code,
    dedupeKey: `otp:${row.id}`,
    // A code is worthless after five minutes; do not keep retrying for hours.
    maxAttempts: 3,
  });
  return row;
}

/**
 * Checks a code typed by a person: the newest unverified code for the number, or the one `signupId`
 * names. Each try counts, committed before the answer, so five wrong tries lock the code even if the
 * caller's request fails afterwards. `onVerified` is written in the same guarded update that marks the
 * code verified, so only the one winner of concurrent correct answers gets it.
 */
export async function checkOtp(
  deps: Pick<Deps, "db" | "clock" | "config">,
  input: { purpose: OtpPurpose; target: string; code: string; signupId?: string },
  onVerified: Partial<Pick<OtpRow, "signupTokenHash">> = {},
): Promise<OtpRow> {
  const now = deps.clock.now();
  const [current] = await deps.db
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.target, input.target),
        eq(otpCodes.purpose, input.purpose),
        isNull(otpCodes.consumedAt),
        isNull(otpCodes.verifiedAt),
        input.signupId ? eq(otpCodes.id, input.signupId) : undefined,
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  if (!current) throw noActiveOtp();
  if (current.expiresAt <= now) throw new AppError("OTP_EXPIRED", 400, "This code has expired. Ask for a new one.");

  const [counted] = await deps.db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + 1` })
    .where(and(eq(otpCodes.id, current.id), lt(otpCodes.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ attempts: otpCodes.attempts });
  if (!counted) {
    throw new AppError("OTP_ATTEMPTS_EXCEEDED", 429, "Too many wrong codes. Ask for a new one.");
  }
  if (!safeEqual(current.codeHash, codeHash(deps, input.purpose, input.target, input.code))) {
    const left = OTP_MAX_ATTEMPTS - counted.attempts;
    throw new AppError("INVALID_OTP", 400, "This code is not correct.", { attempts_left: left });
  }
  const [verified] = await deps.db
    .update(otpCodes)
    .set({ verifiedAt: now, ...onVerified })
    .where(and(eq(otpCodes.id, current.id), isNull(otpCodes.verifiedAt), isNull(otpCodes.consumedAt)))
    .returning();
  if (!verified) throw noActiveOtp();
  return verified;
}

/** No code is waiting to be checked for this number: none was sent, or it was used or replaced. */
export const noActiveOtp = () =>
  new AppError("NO_ACTIVE_OTP", 400, "There is no code to check for this number. Ask for a new one.");

/** A fresh signup secret: 256 random bits for the person, only its hash for us. */
export function newSignupToken(): { raw: string; hash: string } {
  const raw = randomBytes(32).toString("base64url");
  return { raw, hash: sha256(raw) };
}

export const signupTokenInvalid = () =>
  new AppError(
    "SIGNUP_TOKEN_INVALID",
    401,
    "This sign-up has expired or was already finished. Verify your number again.",
  );

/**
 * The verified, unfinished signup a signup token opens for this number (verified in the last 30
 * minutes). Locked with `lock`, so two completions of one signup run one after the other.
 */
export async function findVerifiedSignup(
  deps: Pick<Deps, "clock">,
  db: DbOrTx,
  target: string,
  rawToken: string | undefined,
  lock = false,
): Promise<OtpRow | undefined> {
  if (!rawToken) return undefined;
  const since = new Date(deps.clock.now().getTime() - SIGNUP_TOKEN_TTL_MS);
  const query = db
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.signupTokenHash, sha256(rawToken)),
        eq(otpCodes.target, target),
        eq(otpCodes.purpose, "register"),
        isNull(otpCodes.consumedAt),
        gt(otpCodes.verifiedAt, since),
      ),
    )
    .limit(1);
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/**
 * Checks the code an owner typed to pass a ticket on. Unlike a login code it is not used up by a
 * transfer, right or refused: it serves every transfer until it expires. Only wrong tries count (5).
 */
export async function checkTransferCode(
  deps: Pick<Deps, "db" | "clock" | "config">,
  input: { target: string; code: string },
): Promise<void> {
  const [current] = await deps.db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.target, input.target), eq(otpCodes.purpose, "transfer"), isNull(otpCodes.consumedAt)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  if (!current) throw noActiveOtp();
  if (current.expiresAt <= deps.clock.now()) {
    throw new AppError("OTP_EXPIRED", 400, "This code has expired. Ask for a new one.");
  }
  const right = safeEqual(current.codeHash, codeHash(deps, "transfer", input.target, input.code));
  // Right or wrong, a try is weighed against the count in one guarded statement (the row lock orders
  // racing tries), so a flood of parallel guesses cannot test more than 5 wrong codes. Only wrong ones count.
  const [counted] = await deps.db
    .update(otpCodes)
    .set({ attempts: sql`${otpCodes.attempts} + ${right ? 0 : 1}` })
    .where(and(eq(otpCodes.id, current.id), lt(otpCodes.attempts, OTP_MAX_ATTEMPTS)))
    .returning({ attempts: otpCodes.attempts });
  if (!counted) throw new AppError("OTP_ATTEMPTS_EXCEEDED", 429, "Too many wrong codes. Ask for a new one.");
  if (right) return;
  throw new AppError("INVALID_OTP", 401, "This code is not correct.", {
    attempts_left: OTP_MAX_ATTEMPTS - counted.attempts,
  });
}

export async function spendOtp(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(otpCodes).set({ consumedAt: at }).where(eq(otpCodes.id, id));
}
