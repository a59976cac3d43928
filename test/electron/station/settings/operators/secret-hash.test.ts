import { describe, expect, it } from 'vitest';
import { badgeLookup, hashSecret, newBadgeKey, verifySecret } from '../../../../../electron/station/settings/operators/secret-hash';

const CHEAP = { log2N: 10, r: 8, p: 1 };

describe('PIN hashes', () => {
  it('verifies the PIN hashed, and no other', async () => {
    const stored = await hashSecret('4821', CHEAP);
    expect(stored).toMatch(/^scrypt\$10\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('4821');
    expect(await verifySecret('4821', stored)).toBe(true);
    expect(await verifySecret('4822', stored)).toBe(false);
    expect(await verifySecret('', stored)).toBe(false);
  });

  it('salts every hash: the same PIN twice gives two different hashes', async () => {
    const [a, b] = await Promise.all([hashSecret('1234', CHEAP), hashSecret('1234', CHEAP)]);
    expect(a).not.toBe(b);
    expect(await verifySecret('1234', a)).toBe(true);
    expect(await verifySecret('1234', b)).toBe(true);
  });

  it('uses the cost written in the hash, so a stronger default keeps old hashes valid', async () => {
    const strong = await hashSecret('9876', { log2N: 12, r: 8, p: 1 });
    expect(strong.startsWith('scrypt$12$8$1$')).toBe(true);
    expect(await verifySecret('9876', strong)).toBe(true);
  });

  it('refuses a malformed or cut hash instead of throwing', async () => {
    const stored = await hashSecret('1111', CHEAP);
    expect(await verifySecret('1111', 'plain-1111')).toBe(false);
    expect(await verifySecret('1111', stored.slice(0, -8))).toBe(false);
  });
});

describe('badge lookup', () => {
  it('gives the same lookup for the same badge under one key (one index lookup finds it)', async () => {
    const key = newBadgeKey(CHEAP);
    expect(await badgeLookup('EMP-00123', key)).toBe(await badgeLookup('EMP-00123', key));
    expect(await badgeLookup('EMP-00124', key)).not.toBe(await badgeLookup('EMP-00123', key));
  });

  it('differs between fleets (each has its own key) and never contains the badge', async () => {
    const lookup = await badgeLookup('EMP-00123', newBadgeKey(CHEAP));
    expect(lookup).not.toBe(await badgeLookup('EMP-00123', newBadgeKey(CHEAP)));
    expect(lookup).not.toContain('EMP-00123');
  });
});
