import { randomInt } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, sql } from "drizzle-orm";
import type { Tx } from "../db/client";
import { type OtpPurpose, otpCodes } from "../db/schema";
import type { Deps } from "../deps";
import { otpSms } from "../notifications/messages/otp.sms";
import { queueMessage } from "../notifications/outbox";
import { AppError } from "../shared/app-error";
import { MINUTE } from "../shared/clock";
import { hmacSha256, safeEqual } from "../shared/hashing";

export const OTP_TTL_MS = 5 * MINUTE;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_RESEND_INTERVAL_MS = MINUTE;

type OtpRow = typeof otpCodes.$inferSelect;

const codeHash = (deps: Deps, purpose: OtpPurpose, target: string, code: string) =>
  hmacSha256(deps.config.JWT_SECRET, `otp:${purpose}:${target}:${code}`);

/**
 * Issues a fresh code for (purpose, number) and queues its SMS, in the caller's transaction.
 * Refuses (429) when a code was sent to that number less than a minute ago.
 */
export async function issueOtp(
  deps: Deps,
  tx: Tx,
  input: { purpose: OtpPurpose; target: string; locale: "en" | "ar"; payload?: OtpRow["payload"] },
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
  // Only the newest code for a number is valid.
  await tx
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(and(eq(otpCodes.target, input.target), eq(otpCodes.purpose, input.purpose), isNull(otpCodes.consumedAt)));

  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const [row] = await tx
    .insert(otpCodes)
    .values({
      purpose: input.purpose,
      target: input.target,
      codeHash: codeHash(deps, input.purpose, input.target, code),
      payload: input.payload,
      expiresAt: new Date(now.getTime() + OTP_TTL_MS),
      createdAt: now,
    })
    .returning();
  if (!row) throw new Error("otp insert returned nothing");
  await queueMessage(tx, deps, {
    channel: "sms",
    recipient: input.target,
    template: `otp-${input.purpose}`,
    locale: input.locale,
    body: otpSms(input.purpose, input.locale),
    secret: code,
    dedupeKey: `otp:${row.id}`,
    // A code is worthless after five minutes; do not keep retrying for hours.
    maxAttempts: 3,
  });
  return row;
}

/**
 * Checks a code typed by a person. Each try counts, committed before the answer, so five wrong
 * tries lock the code even if the caller's request fails afterwards.
 */
export async function checkOtp(
  deps: Deps,
  input: { purpose: OtpPurpose; target: string; code: string },
): Promise<OtpRow> {
  const now = deps.clock.now();
  const [current] = await deps.db
    .select()
    .from(otpCodes)
    .where(and(eq(otpCodes.target, input.target), eq(otpCodes.purpose, input.purpose), isNull(otpCodes.consumedAt)))
    .orderBy(desc(otpCodes.createdAt))
    .limit(1);
  if (!current || current.verifiedAt) {
    throw new AppError("INVALID_OTP", 400, "This code is not valid. Ask for a new one.");
  }
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
  // Marked once: of two concurrent correct answers, one wins.
  const [verified] = await deps.db
    .update(otpCodes)
    .set({ verifiedAt: now })
    .where(and(eq(otpCodes.id, current.id), isNull(otpCodes.verifiedAt), isNull(otpCodes.consumedAt)))
    .returning();
  if (!verified) throw new AppError("INVALID_OTP", 400, "This code was already used.");
  return verified;
}

/** The newest verified, unspent registration code for a number, verified recently enough to count. */
export async function findVerifiedRegistration(deps: Deps, tx: Tx, target: string): Promise<OtpRow | undefined> {
  const since = new Date(deps.clock.now().getTime() - 30 * MINUTE);
  const [row] = await tx
    .select()
    .from(otpCodes)
    .where(
      and(
        eq(otpCodes.target, target),
        eq(otpCodes.purpose, "register"),
        isNull(otpCodes.consumedAt),
        gt(otpCodes.verifiedAt, since),
      ),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1)
    .for("update");
  return row;
}

export async function spendOtp(tx: Tx, id: string, at: Date): Promise<void> {
  await tx.update(otpCodes).set({ consumedAt: at }).where(eq(otpCodes.id, id));
}
