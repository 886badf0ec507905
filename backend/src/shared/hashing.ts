import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export const hmacSha256 = (key: string, value: string) => createHmac("sha256", key).update(value).digest("hex");

/** Constant-time comparison of two strings (different lengths compare false). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
