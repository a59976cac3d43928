import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSecretStore } from '../../../../electron/station/settings/node-stores';
import { makeTempDir } from '../../../support/temp-dir';

const temp = makeTempDir();
afterAll(() => temp.remove());

describe('the browser shell secret store', () => {
  it('round-trips a key without writing it in plain text, in files only the owner can read', () => {
    const store = new FileSecretStore(temp.dir);
    store.set('aftership.apiKey', 'asat_plaintext_should_not_appear');
    expect(new FileSecretStore(temp.dir).get('aftership.apiKey')).toBe('asat_plaintext_should_not_appear');
    const onDisk = readFileSync(path.join(temp.dir, 'secrets.json'), 'utf8');
    expect(onDisk).not.toContain('asat_plaintext_should_not_appear');
    expect(statSync(path.join(temp.dir, 'secrets.json')).mode & 0o077).toBe(0);
    expect(statSync(path.join(temp.dir, 'secret.key')).mode & 0o077).toBe(0);
    store.delete('aftership.apiKey');
    expect(store.get('aftership.apiKey')).toBeUndefined();
  });
});
