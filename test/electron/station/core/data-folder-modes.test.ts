/**
 * Issue 13: the data folder is the station user's alone: folder 0700, every file 0600 (history and
 * its -wal/-shm, settings, secrets, label files, the lock), also for a folder an older version left
 * world-readable.
 */
import { chmodSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeStores, type StationCore } from '../../../../electron/station';
import { createSignedInCore } from '../../../support/signed-in-core';
import { makeTempDir } from '../../../support/temp-dir';
import { startZebraStatusPrinter, type ZebraStatusPrinter } from '../../../fakes/zebra-status-printer';

const mode = (p: string) => statSync(p).mode & 0o777;

/** Every path under the folder with its mode, e.g. { 'history.sqlite': 0o600 }. */
function modes(root: string): Record<string, number> {
  const out: Record<string, number> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      out[path.relative(root, full)] = mode(full);
      if (statSync(full).isDirectory()) walk(full);
    }
  };
  walk(root);
  return out;
}

let core: StationCore | undefined;
let printer: ZebraStatusPrinter | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
afterEach(async () => {
  await core?.close();
  await printer?.close();
  temp?.remove();
  core = printer = temp = undefined;
});

describe.skipIf(process.platform === 'win32')('data folder permissions', () => {
  it('a world-readable folder from an older station becomes private at start, and everything the station writes is 0600', async () => {
    const previous = process.umask(0o022);
    try {
      temp = makeTempDir();
      const dataDir = path.join(temp.dir, 'station');
      // What an older version left with the default umask.
      mkdirSync(path.join(dataDir, 'labels', '2026-12-01'), { recursive: true, mode: 0o755 });
      writeFileSync(path.join(dataDir, 'labels', '2026-12-01', 'old-label.pdf'), '%PDF-1.4', { mode: 0o644 });
      writeFileSync(path.join(dataDir, 'history.sqlite'), '', { mode: 0o644 });
      chmodSync(dataDir, 0o755);
      chmodSync(path.join(dataDir, 'labels'), 0o755);
      const stores = createNodeStores(dataDir);
      stores.settingsStore.set('stationId', 'abcd1234');
      stores.secretStore.set('aftershipApiKey', 'asat_modes_key');
      printer = await startZebraStatusPrinter();
      core = await createSignedInCore({
        dataDir,
        shell: 'web',
        ...stores,
        env: { LABEL_STATION_SANDBOX_LATENCY_MS: '0', LABEL_STATION_PRINTER: printer.address },
        printTiming: { retryDelaysMs: [100], statusPollMs: 100, statusTimeoutMs: 3000, settleWaitMs: 8000 },
      });
      const scan = await core.handlers.submitScan({ scan: '576900000000000777' });
      expect(scan.outcome).toBe('printed');

      const found = modes(dataDir);
      expect(mode(dataDir)).toBe(0o700);
      for (const file of ['history.sqlite', 'history.sqlite-wal', 'history.sqlite-shm', 'settings.json', 'secrets.json', 'secret.key']) {
        expect(found[file], file).toBe(0o600);
      }
      expect(Object.keys(found).some((p) => p.endsWith('.lock') || p.includes('lock'))).toBe(true);
      const labelFiles = Object.keys(found).filter((p) => p.startsWith('labels') && !p.endsWith('-01') && p !== 'labels');
      expect(labelFiles.length).toBeGreaterThanOrEqual(2); // the old label and the one just bought
      for (const [p, m] of Object.entries(found)) expect(m, p).toBe(statSync(path.join(dataDir, p)).isDirectory() ? 0o700 : 0o600);
    } finally {
      process.umask(previous);
    }
  });
});
