/**
 * The station's log file: every scan, print and settings change as a JSON line in
 * `<data folder>/logs/`, rotated with a cap, and never a secret — a planted API key, a key set
 * later, a database password and key-shaped text are all hidden, in the file and in diagnostics.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStationLog } from '../../../../electron/station/core/station-log';
import { startFakeAfterShip } from '../../../fakes/aftership-server';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { startStation } from '../../../support/station-harness';
import { makeTempDir } from '../../../support/temp-dir';

const PLANTED = 'asat_planted_0123456789abcdef';
const LATER = 'asat_set_later_fedcba9876543210';
const closers: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

function logFiles(dataDir: string): string[] {
  const dir = path.join(dataDir, 'logs');
  return readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'utf8'));
}

function entries(dataDir: string): Array<Record<string, unknown>> {
  return logFiles(dataDir)
    .flatMap((text) => text.split('\n'))
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('the station log', () => {
  it('records scans, prints and settings changes as JSON lines, and no secret reaches the file or the diagnostics', async () => {
    const aftership = await startFakeAfterShip({ apiKey: PLANTED, labelFormat: 'zpl' });
    const printer = await startZebraStatusPrinter();
    closers.push(
      () => aftership.close(),
      () => printer.close(),
    );
    const station = await startStation({
      LABEL_STATION_PROVIDER: 'aftership',
      AFTERSHIP_BASE_URL: aftership.baseUrl,
      LABEL_STATION_PRINTER: printer.address,
    });
    closers.push(() => station.close());
    await station.call('setSecret', { secret: 'aftershipApiKey', value: PLANTED });
    expect((await station.call('submitScan', { scan: '576477431806290001' })).outcome).toBe('printed');
    // A refused key: the provider's answer and the station's words must not carry it either.
    aftership.failNext('unauthorized', 1, 'create');
    await station.call('submitScan', { scan: '576477431806290002' });
    // Someone scans the key's QR code by mistake: the scan is logged, the key is not.
    await station.call('submitScan', { scan: PLANTED }).catch(() => undefined);
    // A supervisor's badge scanned into the scan field: the log keeps its shape, never the code.
    await station.call('submitScan', { scan: 'SUP-BADGE-77310' }).catch(() => undefined);
    await station.call('submitScan', { scan: '4417' }).catch(() => undefined);
    await station.call('updateSettings', { operators: { returnToScanSeconds: 30 } });
    await station.call('setSecret', { secret: 'aftershipApiKey', value: LATER });
    const diagnostics = (await station.call('getDiagnostics', {})).text;
    await station.restart(); // flushes and closes the log file

    const written = logFiles(station.dataDir).join('\n');
    for (const text of [written, diagnostics]) {
      expect(text).not.toContain(PLANTED);
      expect(text).not.toContain(LATER);
      expect(text).not.toContain('BADGE-77310');
      expect(text).not.toContain('4417');
    }
    const all = entries(station.dataDir);
    expect(all.find((e) => e.event === 'scan' && e.outcome === 'printed')).toMatchObject({
      orderId: '576477431806290001',
      provider: 'aftership',
      level: 'info',
      shell: 'web',
    });
    expect(all.find((e) => e.event === 'scan' && e.scan === '576477431806290002')).toMatchObject({ outcome: 'failed' });
    expect(all.find((e) => e.event === 'print' && e.state === 'done')).toMatchObject({ printer: printer.address });
    expect(all.filter((e) => e.event === 'scan' && e.outcome === 'failed').map((e) => e.scan)).toEqual(
      expect.arrayContaining(['576477431806290002', '[15 characters: letters, digits, symbols]', '[4 characters: digits]']),
    );
    expect(all.find((e) => e.event === 'settings')).toMatchObject({ sections: 'operators' });
    expect(all.filter((e) => e.event === 'secret').map((e) => e.secret)).toEqual(['aftershipApiKey', 'aftershipApiKey']);
    expect(diagnostics).toContain('Provider: AfterShip');
    expect(diagnostics).toContain('Secrets set: aftershipApiKey yes');
    expect(diagnostics).toContain('scan 576477431806290001: printed');
    expect(diagnostics).toMatch(/^Station API: off — /m);
    expect(diagnostics).toMatch(/^Write-back: /m);
  });

  it('hides key-shaped text and a database password whatever their value', async () => {
    const temp = makeTempDir();
    closers.push(() => temp.remove());
    const log = openStationLog(temp.dir, { shell: 'web' });
    log.log('request failed', { header: 'as-api-key: asat_unknown_value_1', url: 'postgres://label_station:S3cret!pw@10.0.5.2:5432/ls' });
    log.log('token refresh answered {"access_token":"TTP_abcdef123456","refresh_token":"TTP_zyx987"}');
    // A Station API token pasted anywhere (the station keeps only its hash, so cannot list it).
    log.log('WMS says it called with lsk_Zm9vYmFyYmF6cXV4cXV1eHF1dXhxdXV4cXV1eHF1dXg and got 401');
    await log.close();
    const text = logFiles(temp.dir).join('\n');
    expect(text).not.toMatch(/asat_unknown_value_1|S3cret!pw|TTP_abcdef123456|TTP_zyx987|Zm9vYmFyYmF6/);
    expect(text).toContain('called with lsk_[hidden] and got 401');
    expect(text).toContain('postgres://label_station:[hidden]@10.0.5.2:5432/ls');
    expect(text).toContain('as-api-key: [hidden]');
  });

  it('rotates the file at its size and keeps a bounded number of old files', async () => {
    const temp = makeTempDir();
    closers.push(() => temp.remove());
    const log = openStationLog(temp.dir, { shell: 'web', rotateAt: '1K' });
    for (let i = 0; i < 400; i++) {
      log.log(`line ${i} ${'x'.repeat(60)}`);
      if (i % 20 === 19) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await log.close();
    const names = readdirSync(path.join(temp.dir, 'logs'));
    expect(names).toContain('station.log');
    expect(names.length).toBeGreaterThan(2);
    expect(names.length).toBeLessThanOrEqual(6);
  });
});
