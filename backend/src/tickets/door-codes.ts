import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

/**
 * A door code: what a holder's QR code carries. `version | ticket id | holder version | Ed25519
 * signature`, base64url (114 characters). The holder version changes at every change of holder, so a
 * code the previous holder kept no longer admits; the signature is checked before any database lookup,
 * so a forged or altered code costs one verification and nothing else.
 */
const FORMAT = 1;
const ID_BYTES = 16;
const MESSAGE_BYTES = 1 + ID_BYTES + 4;
const SIGNATURE_BYTES = 64;
const CODE_BYTES = MESSAGE_BYTES + SIGNATURE_BYTES;
/** The DER prefix that turns a raw 32-byte Ed25519 seed into a PKCS#8 private key. */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export interface DoorCodeKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function doorCodeKeys(seedBase64url: string): DoorCodeKeys {
  const seed = Buffer.from(seedBase64url, "base64url");
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export function signDoorCode(keys: DoorCodeKeys, ticket: { id: string; holderVersion: number }): string {
  const message = Buffer.alloc(MESSAGE_BYTES);
  message.writeUInt8(FORMAT, 0);
  Buffer.from(ticket.id.replaceAll("-", ""), "hex").copy(message, 1);
  message.writeUInt32BE(ticket.holderVersion, 1 + ID_BYTES);
  return Buffer.concat([message, sign(null, message, keys.privateKey)]).toString("base64url");
}

/** The ticket a door code names, if it is ours and unaltered; undefined for anything else. */
export function readDoorCode(
  keys: DoorCodeKeys,
  code: string,
): { ticketId: string; holderVersion: number } | undefined {
  if (code.length !== Math.ceil((CODE_BYTES * 4) / 3) || !/^[A-Za-z0-9_-]+$/.test(code)) return undefined;
  const bytes = Buffer.from(code, "base64url");
  if (bytes.length !== CODE_BYTES || bytes.readUInt8(0) !== FORMAT) return undefined;
  // base64url has several spellings of the last character's spare bits: only the canonical one is ours.
  if (bytes.toString("base64url") !== code) return undefined;
  const message = bytes.subarray(0, MESSAGE_BYTES);
  if (!verify(null, message, keys.publicKey, bytes.subarray(MESSAGE_BYTES))) return undefined;
  const hex = message.subarray(1, 1 + ID_BYTES).toString("hex");
  return {
    ticketId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    holderVersion: message.readUInt32BE(1 + ID_BYTES),
  };
}
