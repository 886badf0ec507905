import type { DeliveryStatus } from "@ticketrunners/shared";
import { desc, inArray } from "drizzle-orm";
import type { DbOrTx } from "../db/client";
import { notifications } from "../db/schema";

export type Delivery = { sms: DeliveryStatus; email: DeliveryStatus };

/**
 * The delivery status of the newest SMS and email about each gift (first message, resends, reminders
 * alike), keyed by gift key, in one query.
 */
export async function deliveryStatusByGift(db: DbOrTx, giftKeys: string[]): Promise<Map<string, Delivery>> {
  const result = new Map<string, Delivery>();
  const keys = [...new Set(giftKeys)];
  if (keys.length === 0) return result;
  const messages = await db
    .select({ channel: notifications.channel, status: notifications.status, giftKey: notifications.giftKey })
    .from(notifications)
    .where(inArray(notifications.giftKey, keys))
    .orderBy(desc(notifications.createdAt));
  const latest = new Map<string, Partial<Delivery>>();
  for (const m of messages) {
    if (!m.giftKey) continue;
    const entry = latest.get(m.giftKey) ?? {};
    entry[m.channel] ??= m.status;
    latest.set(m.giftKey, entry);
  }
  for (const key of keys) {
    const entry = latest.get(key) ?? {};
    result.set(key, { sms: entry.sms ?? "none", email: entry.email ?? "none" });
  }
  return result;
}
