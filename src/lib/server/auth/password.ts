import { hash, verify } from '@node-rs/argon2';
import { z } from 'zod';

/**
 * Password hashing with argon2id at OWASP's recommended minimum (19 MiB memory, 2 iterations, 1 lane): about
 * 20–40 ms per hash on a small server — slow enough to make offline guessing expensive, fast enough for logins.
 * The parameters are stored inside each hash, so raising them later keeps old hashes verifiable.
 * The algorithm is the library's default, argon2id: its `Algorithm` is a `const enum` that per-file compilers
 * (tsx, Vite) cannot inline, so naming it would silently pass `undefined`. A test checks the `$argon2id$` prefix.
 */
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** What a new password must satisfy; long passphrases are welcome, composition rules are not (NIST 800-63B). */
export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  // argon2 hashes any length, but a megabyte-long "password" is a cheap way to burn server CPU.
  .max(256, 'must be at most 256 characters');

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash never signs anyone in
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same time as a real verification when the email is unknown, so response times do not reveal
 * which email addresses have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-only-for-timing');
  await verifyPassword(await dummyHash, password);
  return false;
}
