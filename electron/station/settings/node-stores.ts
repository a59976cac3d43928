/**
 * Settings and secret stores for the plain-Node (browser) shell. The Electron shell uses
 * electron-store and safeStorage instead.
 */
import Conf from 'conf';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { KeyValueStore, SecretStore } from './stores';

export function createNodeStores(dataDir: string): { settingsStore: KeyValueStore; secretStore: SecretStore } {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // settings.json readable by the station's user only (conf's default is 0o666 under the umask).
  const conf = new Conf<Record<string, unknown>>({
    cwd: dataDir,
    configName: 'settings',
    projectName: 'label-station',
    configFileMode: 0o600,
  });
  const settingsStore: KeyValueStore = {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
  return { settingsStore, secretStore: new FileSecretStore(dataDir) };
}

/**
 * AES-256-GCM with a per-install key file readable only by the station's user. Without an OS
 * keychain this protects against the secret showing up in backups, logs or screenshots of
 * settings.json, not against someone who can read the key file.
 */
export class FileSecretStore implements SecretStore {
  private readonly keyFile: string;
  private readonly secretsFile: string;

  constructor(dir: string) {
    this.keyFile = path.join(dir, 'secret.key');
    this.secretsFile = path.join(dir, 'secrets.json');
  }

  get(name: string): string | undefined {
    const sealed = this.readAll()[name];
    if (!sealed) return undefined;
    const [iv, tag, data] = sealed.split('.').map((part) => Buffer.from(part, 'base64'));
    if (!iv || !tag || !data) return undefined;
    const decipher = createDecipheriv('aes-256-gcm', this.key(), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  }

  set(name: string, value: string): void {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key(), iv);
    const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
    const sealed = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64')).join('.');
    this.writeAll({ ...this.readAll(), [name]: sealed });
  }

  delete(name: string): void {
    const all = this.readAll();
    delete all[name];
    this.writeAll(all);
  }

  private key(): Buffer {
    if (!existsSync(this.keyFile)) {
      mkdirSync(path.dirname(this.keyFile), { recursive: true, mode: 0o700 });
      writeFileSync(this.keyFile, randomBytes(32), { mode: 0o600, flag: 'wx' });
    }
    return readFileSync(this.keyFile);
  }

  private readAll(): Record<string, string> {
    if (!existsSync(this.secretsFile)) return {};
    return JSON.parse(readFileSync(this.secretsFile, 'utf8')) as Record<string, string>;
  }

  private writeAll(all: Record<string, string>): void {
    const temp = `${this.secretsFile}.tmp`;
    writeFileSync(temp, JSON.stringify(all), { mode: 0o600 });
    chmodSync(temp, 0o600);
    renameSync(temp, this.secretsFile);
  }
}
