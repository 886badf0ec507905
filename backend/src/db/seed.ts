import { sql } from "drizzle-orm";
import type { Db } from "./client";
import { events, ticketCategories } from "./schema";

const DAY = 86_400_000;

/** Demo events on a fresh database so the product has something to sell on first start. */
export async function seedDemoData(db: Db, now: Date): Promise<void> {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<string | number>`count(*)` }).from(events);
  if (Number(count) > 0) return;
  const at = (days: number, hour: number) => {
    const d = new Date(now.getTime() + days * DAY);
    d.setUTCHours(hour - 2, 0, 0, 0); // Cairo evening (UTC+2)
    return d;
  };
  const demo = [
    {
      name: "Cairo Jazz Night",
      venue: "Cairo Opera House, Zamalek",
      description: "An evening of Egyptian and international jazz on the Nile.",
      startsAt: at(14, 20),
      categories: [
        { name: "Regular", priceMinor: 35_000, capacity: 300 },
        { name: "VIP", priceMinor: 90_000, capacity: 40 },
      ],
    },
    {
      name: "Nile Tech Summit 2027",
      venue: "Greek Campus, Downtown Cairo",
      description: "Talks and workshops from builders across the region.",
      startsAt: at(30, 10),
      categories: [
        { name: "Early bird", priceMinor: 50_000, capacity: 150 },
        { name: "Standard", priceMinor: 80_000, capacity: 400 },
      ],
    },
    {
      name: "Community Open Day",
      venue: "Al-Azhar Park, Cairo",
      description: "Free entry: workshops, music and food stalls for the whole family.",
      startsAt: at(10, 11),
      categories: [{ name: "Free entry", priceMinor: 0, capacity: 500 }],
    },
    {
      name: "Alexandria Summer Festival",
      venue: "Bibliotheca Alexandrina Plaza",
      description: "Music, food and the sea breeze.",
      startsAt: at(45, 18),
      categories: [
        { name: "General admission", priceMinor: 20_000, capacity: 1000 },
        { name: "Family (4)", priceMinor: 65_000, capacity: 100 },
      ],
    },
  ];
  await db.transaction(async (tx) => {
    for (const { categories, ...event } of demo) {
      const [row] = await tx.insert(events).values(event).returning({ id: events.id });
      if (!row) continue;
      await tx.insert(ticketCategories).values(categories.map((c) => ({ ...c, eventId: row.id, currency: "EGP" })));
    }
  });
}
