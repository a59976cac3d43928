import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../fakes/electron-mock')).electronModule);
vi.mock('electron-store', async () => (await import('../../fakes/electron-mock')).electronStoreModule);

import { createElectronSecretStore } from '../../../electron/main/electron-secret-store';
import { createElectronSettingsStore } from '../../../electron/main/electron-settings-store';
import { StationError } from '../../../shared/errors';
import { resetElectronMock, safeStorage } from '../../fakes/electron-mock';

const API_KEY = 'asat_live_0123456789abcdef';
let dataDir: string;

const secretsFile = () => path.join(dataDir, 'secrets.json');
const readSecretsFile = () => (existsSync(secretsFile()) ? readFileSync(secretsFile(), 'utf8') : '');

describe('Electron secret store (safeStorage)', () => {
  beforeEach(() => {
    resetElectronMock();
    dataDir = mkdtempSync(path.join(tmpdir(), 'station-secrets-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('round-trips a key through safeStorage and never writes the plaintext', () => {
    const encrypt = vi.spyOn(safeStorage, 'encryptString');
    createElectronSecretStore(dataDir).set('aftership.apiKey', API_KEY);

    expect(encrypt).toHaveBeenCalledWith(API_KEY);
    const onDisk = readSecretsFile();
    expect(onDisk).not.toContain(API_KEY);
    expect(onDisk).not.toContain(Buffer.from(API_KEY).toString('base64'));
    // A fresh store (next launch) reads it back.
    expect(createElectronSecretStore(dataDir).get('aftership.apiKey')).toBe(API_KEY);
  });

  it('refuses to save when the OS cannot encrypt, and writes nothing', () => {
    safeStorage.available = false;
    const store = createElectronSecretStore(dataDir);

    let thrown: unknown;
    try {
      store.set('aftership.apiKey', API_KEY);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(StationError);
    expect((thrown as StationError).code).toBe('secret_storage_unavailable');
    expect((thrown as StationError).message).not.toContain(API_KEY);
    expect(readSecretsFile()).not.toContain(API_KEY);
    expect(store.get('aftership.apiKey')).toBeUndefined();
  });

  it('treats a key it cannot decrypt as not set (to be entered again) and logs no secret', () => {
    writeFileSync(secretsFile(), JSON.stringify({ 'aftership.apiKey': Buffer.from('sealed elsewhere').toString('base64') }));
    const log = vi.fn();

    expect(createElectronSecretStore(dataDir, { log }).get('aftership.apiKey')).toBeUndefined();
    expect(log).toHaveBeenCalledWith(expect.stringContaining('entered again'));
  });

  it('forgets a deleted key', () => {
    const store = createElectronSecretStore(dataDir);
    store.set('aftership.apiKey', API_KEY);
    store.delete('aftership.apiKey');
    expect(store.get('aftership.apiKey')).toBeUndefined();
    expect(createElectronSecretStore(dataDir).get('aftership.apiKey')).toBeUndefined();
  });
});

describe('Electron settings store (electron-store)', () => {
  beforeEach(() => {
    resetElectronMock();
    dataDir = mkdtempSync(path.join(tmpdir(), 'station-settings-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps values in the data folder across launches, with dotted keys as plain names', () => {
    createElectronSettingsStore(dataDir).set('settings', { printer: { kind: 'tcp', host: '127.0.0.1' } });
    createElectronSettingsStore(dataDir).set('a.b', 1);

    const next = createElectronSettingsStore(dataDir);
    expect(next.get('settings')).toEqual({ printer: { kind: 'tcp', host: '127.0.0.1' } });
    expect(next.get('a.b')).toBe(1);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))).toHaveProperty(['a.b'], 1);
  });

  it('deletes a key, also when it is set to undefined', () => {
    const store = createElectronSettingsStore(dataDir);
    store.set('one', 1);
    store.set('two', 2);
    store.delete('one');
    store.set('two', undefined);
    expect(store.get('one')).toBeUndefined();
    expect(store.get('two')).toBeUndefined();
  });
});
