/** A one-way fingerprint of a secret, so a changed key gets a new client or rate limit without the key itself being used as a cache key. */
import { createHash } from 'node:crypto';

export function fingerprint(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16);
}
