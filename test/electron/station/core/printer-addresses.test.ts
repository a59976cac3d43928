/**
 * Issue 13: a printer address names a printer device, never an ordinary file; a capture file is
 * its own kind (file:…), written only where LABEL_STATION_FILE_PRINTER=1 and never from a draft.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PrinterAddress } from '../../../../shared/domain/printers';
import { readEnvPresets } from '../../../../electron/station/settings/env-presets';
import { SettingsService } from '../../../../electron/station/settings/settings-service';
import { DEFAULT_SETTINGS } from '../../../../electron/station/settings/defaults';
import { startStation, type Harness } from '../../../support/station-harness';

let station: Harness | undefined;
afterEach(async () => {
  vi.unstubAllEnvs();
  await station?.close();
  station = undefined;
});

const draft = (address: string) => ({ address, dpi: 203 as const, language: 'zpl' as const, media: '4x6' as const, statusCheck: false });

describe('printer addresses', () => {
  it('Settings accepts printer devices and OS queues, not ordinary files', () => {
    for (const ok of [
      '/dev/usb/lp0',
      '/dev/lp0',
      '/dev/ttyUSB0',
      '/dev/ttyACM0',
      'tcp://10.0.0.5:9100',
      'cups:Zebra',
      'windows:ZDesigner ZD420',
      '\\\\.\\USB001',
    ]) {
      expect(PrinterAddress.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of [
      '/tmp/labels.zpl',
      '/etc/cron.d/x',
      '/home/station/.bashrc',
      'C:\\labels\\out.zpl',
      '/dev/sda',
      '/dev/usb/lp0/../x',
    ]) {
      expect(PrinterAddress.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('a test print of an unsaved printer never writes a file, whatever the address says', async () => {
    station = await startStation({});
    const target = path.join(station.dataDir, 'stolen.zpl');
    // The old form (any absolute path) is refused at the contract.
    await expect(station.call('testPrint', { draft: draft(target) })).rejects.toMatchObject({ code: 'invalid_input' });
    // The capture-file form is refused for a draft even where capture files are switched on.
    vi.stubEnv('LABEL_STATION_FILE_PRINTER', '1');
    const outcome = await station.call('testPrint', { draft: draft(`file:${target}`) });
    expect(outcome).toMatchObject({
      ok: false,
      problem: { code: 'invalid_printer_address', message: 'A test print cannot go to a capture file (file:…) from an unsaved printer.' },
    });
    expect(existsSync(target)).toBe(false);
  });

  it('a capture-file printer is saved and printed to only where LABEL_STATION_FILE_PRINTER=1', async () => {
    station = await startStation({});
    const target = path.join(station.dataDir, 'capture.zpl');
    const list = [{ id: 'label', name: 'Label printer', ...draft(`file:${target}`) }];
    await expect(station.call('updateSettings', { printers: { defaultId: 'label', list } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: `Not saved. Printer "Label printer" writes to a capture file (file:${target}); this station does not print into files.`,
    });
    vi.stubEnv('LABEL_STATION_FILE_PRINTER', '1');
    await station.call('updateSettings', { printers: { defaultId: 'label', list } });
    expect(await station.call('testPrint', {})).toMatchObject({ ok: true });
    expect(readFileSync(target, 'latin1')).toContain('^XA');
  });

  it('a station saved with a plain file path keeps its settings; the path becomes a capture file', () => {
    const kv = new Map<string, unknown>([
      [
        'settings',
        {
          ...DEFAULT_SETTINGS,
          provider: 'aftership',
          printers: { defaultId: 'label', list: [{ ...DEFAULT_SETTINGS.printers.list[0], address: '/tmp/old-capture.zpl' }] },
        },
      ],
    ]);
    const service = new SettingsService(
      { get: (k) => kv.get(k), set: (k, v) => void kv.set(k, v), delete: (k) => void kv.delete(k) },
      { get: () => undefined, set: () => {}, delete: () => {} },
      readEnvPresets({}),
    );
    expect(service.current().provider).toBe('aftership');
    expect(service.current().printers.list[0]!.address).toBe('file:/tmp/old-capture.zpl');
  });
});
