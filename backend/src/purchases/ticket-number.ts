import { randomBytes } from "node:crypto";

// Crockford base32: no I, L, O, U, so a number read aloud at the door is not misheard.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A unique, human-readable ticket number such as TR-7K3M-9QXD (40 random bits). */
export function newTicketNumber(): string {
  const bytes = randomBytes(8);
  let out = "";
  for (let i = 0; i < 8; i++) out += ALPHABET[(bytes[i] ?? 0) % 32];
  return `TR-${out.slice(0, 4)}-${out.slice(4)}`;
}
