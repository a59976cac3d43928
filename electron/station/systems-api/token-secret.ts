/**
 * API tokens: 32 random bytes shown once as `lsk_<base64url>`, stored only as their sha256 (a random
 * 256-bit value needs no slow hash), compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'lsk_';

export function newTokenSecret(): string {
  return PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `given` hashes to `storedHash`, in constant time. */
export function tokenMatches(given: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(given), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only what looks like one of our tokens is looked up at all. */
export function looksLikeToken(text: string): boolean {
  return /^lsk_[A-Za-z0-9_-]{43}$/.test(text);
}
