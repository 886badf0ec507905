import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ar } from "../../i18n/ar";
import { en } from "../../i18n/en";

/** Every file of the console, read as text. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".test.ts") ? [readFileSync(path, "utf8")] : [];
  });
}

function lookup(catalogue: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);
}

/** A key i18next resolves: itself, or (for a count) its plural forms. */
const has = (catalogue: unknown, key: string) =>
  typeof lookup(catalogue, key) === "string" || typeof lookup(catalogue, `${key}_other`) === "string";

describe("the console's words", () => {
  // t() is not typed by key in this app, so a misspelt key would show as the key itself: check them here.
  const text = sources(join(__dirname)).join("\n");
  // Every "admin.…" string in the console is a key (paths are "/admin/…").
  const literal = [...text.matchAll(/"(admin\.[\w.]+)"/g)].map((m) => m[1] ?? "");

  it("names only keys that exist, in English and Arabic", () => {
    const keys = [...new Set(literal)];
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) {
      expect(has(en, key), `en ${key}`).toBe(true);
      expect(has(ar, key), `ar ${key}`).toBe(true);
    }
  });

  it("has words for every value the keys built from data can take", () => {
    const built = [
      ...["queued", "sending", "sent", "failed", "dead"].map((s) => `admin.messages.status_${s}`),
      ...["sms", "email"].map((c) => `admin.messages.channel_${c}`),
      ...["customer", "staff", "admin"].map((r) => `admin.customers.role_${r}`),
      ...["paid", "pending", "failed", "expired", "cancelled"].map((s) => `admin.sales.payment_${s}`),
      ...["owned", "waiting", "checked_in"].map((s) => `admin.sales.tickets_${s}`),
      ...["event", "category", "customer", "notification"].map((s) => `admin.audit.target_${s}`),
    ];
    for (const key of built) {
      expect(has(en, key), `en ${key}`).toBe(true);
      expect(has(ar, key), `ar ${key}`).toBe(true);
    }
  });
});
