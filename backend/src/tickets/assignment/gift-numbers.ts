import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "../../db/client";
import { payments, ticketHistory } from "../../db/schema";
import type { Deps } from "../../deps";
import { AppError } from "../../shared/app-error";
import { DAY } from "../../shared/clock";

/**
 * The numbers a sender is about to text, checked against those they reached in the last 24 h through
 * gifts, reassignments and transfers, and the gifts in their unpaid checkouts: at most
 * GIFT_NUMBERS_PER_DAY distinct ones, so nobody can use our SMS to reach a thousand numbers. The caller
 * holds the sender's lock (purchases) or the ticket's (changes of holder).
 */
export async function checkGiftNumberAllowance(
  deps: Pick<Deps, "clock" | "config">,
  tx: Tx,
  sender: { id: string; mobileNumber: string },
  numbers: string[],
): Promise<void> {
  const wanted = new Set(numbers.filter((n) => n !== sender.mobileNumber));
  if (wanted.size === 0) return;
  const since = new Date(deps.clock.now().getTime() - DAY);
  const given = await tx
    .selectDistinct({ number: ticketHistory.toMobile })
    .from(ticketHistory)
    .where(
      and(
        eq(ticketHistory.actorId, sender.id),
        inArray(ticketHistory.action, ["given", "reassigned", "transferred"]),
        gt(ticketHistory.at, since),
      ),
    );
  const pending = await tx.execute(sql`
    select distinct a.value->>'mobile_number' as number
    from ${payments} p
      cross join lateral jsonb_array_elements(p.items) i(value)
      cross join lateral jsonb_array_elements(i.value->'assignees') a(value)
    where p.buyer_id = ${sender.id} and p.created_at > ${since}
      and p.status = 'pending' and jsonb_typeof(a.value) = 'object'`);
  const reached = new Set([
    ...given.flatMap((g) => (g.number ? [g.number] : [])),
    ...rowsOf<{ number: string }>(pending).map((r) => r.number),
  ]);
  reached.delete(sender.mobileNumber);
  const limit = deps.config.GIFT_NUMBERS_PER_DAY;
  const remaining = Math.max(0, limit - reached.size);
  const fresh = [...wanted].filter((n) => !reached.has(n));
  if (fresh.length > remaining) {
    throw new AppError(
      "LIMIT_REACHED",
      429,
      `You can send tickets to at most ${limit} different numbers a day (${remaining} left).`,
      { kind: "gift_numbers", limit, remaining },
    );
  }
}
