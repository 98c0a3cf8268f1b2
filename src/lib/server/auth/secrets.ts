import { createHash, randomBytes } from 'node:crypto';

/**
 * Random secrets for cookies, reset links, invitations and API tokens, and the one-way hash that is stored in
 * their place: a leaked database table hands out no usable secret. 32 random bytes (256 bits) make guessing
 * hopeless, so a fast hash (SHA-256) is enough here — passwords, which people choose, use argon2id instead.
 */
export function randomSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
