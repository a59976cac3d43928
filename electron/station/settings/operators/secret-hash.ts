/**
 * PINs and badges as slow salted hashes: node's own scrypt (memory-hard, in Node's crypto, so no
 * native module to rebuild for Electron as argon2 bindings need). The cost is written into every
 * hash, so it can be raised later without breaking the hashes already stored.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface HashCost {
  /** scrypt's N as a power of two. */
  log2N: number;
  r: number;
  p: number;
}

/** N = 2^15, r = 8: 32 MiB and roughly 50–100 ms per hash on a packing-station PC. */
export const DEFAULT_HASH_COST: HashCost = { log2N: 15, r: 8, p: 1 };

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(secret: string, salt: Buffer, cost: HashCost): Promise<Buffer> {
  const N = 2 ** cost.log2N;
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFKC'), salt, KEY_BYTES, { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

function encode(cost: HashCost, salt: Buffer, key?: Buffer): string {
  const head = `scrypt$${cost.log2N}$${cost.r}$${cost.p}$${salt.toString('base64')}`;
  return key ? `${head}$${key.toString('base64')}` : head;
}

function decode(stored: string): { cost: HashCost; salt: Buffer; key: Buffer } | undefined {
  const match = /^scrypt\$(\d{1,2})\$(\d{1,2})\$(\d{1,2})\$([A-Za-z0-9+/=]+)(?:\$([A-Za-z0-9+/=]+))?$/.exec(stored);
  if (!match) return undefined;
  const cost = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  return { cost, salt: Buffer.from(match[4]!, 'base64'), key: Buffer.from(match[5] ?? '', 'base64') };
}

/** A PIN's hash with its own random salt: `scrypt$log2N$r$p$salt$key`. */
export async function hashSecret(secret: string, cost: HashCost = DEFAULT_HASH_COST): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  return encode(cost, salt, await derive(secret, salt, cost));
}

/** Whether `secret` is the one hashed, compared in constant time; false for a malformed hash. */
export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parsed = decode(stored);
  if (!parsed || parsed.key.length !== KEY_BYTES) return false;
  const key = await derive(secret, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

/**
 * The fleet-wide badge key: a random salt and the cost, created once and shared by every station
 * (stored with the operators). Badge lookups use it so that one index lookup finds the badge.
 */
export function newBadgeKey(cost: HashCost = DEFAULT_HASH_COST): string {
  return encode(cost, randomBytes(SALT_BYTES));
}

/**
 * A badge's lookup hash: scrypt under the fleet-wide salt. Deterministic, so it is an index key
 * (one lookup, no trying every operator's hash) and unique; still as slow to guess as a PIN hash.
 */
export async function badgeLookup(badge: string, badgeKey: string): Promise<string> {
  const parsed = decode(badgeKey);
  if (!parsed) throw new Error('the badge key stored with the operators is unreadable');
  return (await derive(badge, parsed.salt, parsed.cost)).toString('base64');
}
