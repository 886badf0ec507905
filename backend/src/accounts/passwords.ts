import { hash, verify } from "@node-rs/argon2";

// argon2id with the library defaults (19 MiB, 2 passes): memory-hard and about 50 ms here.
export const hashPassword = (plain: string) => hash(plain);

export const verifyPassword = (passwordHash: string, plain: string) => verify(passwordHash, plain).catch(() => false);

/** Verified against when the number is unknown, so a wrong number takes as long as a wrong password. */
let decoy: Promise<string> | undefined;
export const decoyPasswordHash = () => {
  decoy ??= hash("decoy-password-for-timing");
  return decoy;
};
