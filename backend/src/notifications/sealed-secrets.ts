import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Placeholder for a secret (OTP, claim link token) in an outbox row's stored body. */
export const SECRET_PLACEHOLDER = "{{secret}}";

/**
 * Seals the secrets a queued message carries (AES-256-GCM) so the outbox never stores an OTP or a
 * claim token in the clear; the worker unseals it only to send, then the row's copy is erased.
 */
export class SecretBox {
  private readonly key: Buffer;
  constructor(masterSecret: string) {
    this.key = Buffer.from(hkdfSync("sha256", masterSecret, "ticketrunners", "outbox-secrets", 32));
  }
  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
  }
  open(sealed: string): string {
    const [iv, tag, data] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    if (!iv || !tag || !data) throw new Error("malformed sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", this.key, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
  }
}

export function revealSecret(text: string, secret: string | undefined): string {
  return secret === undefined ? text : text.split(SECRET_PLACEHOLDER).join(secret);
}
