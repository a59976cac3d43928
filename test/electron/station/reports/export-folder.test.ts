/**
 * Settings → Exports on the real station core, called as the shells call it (validated at the
 * contract): the folder must be a full path, must take files when saved (or the save is refused
 * with the reason), History's export then lands there; an export into a folder that went away is
 * refused with the reason and leaves nothing half-written; LABEL_STATION_EXPORT_DIR still wins.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { startStation, type Harness } from '../../../support/station-harness';
import { startZebraStatusPrinter } from '../../../fakes/zebra-status-printer';
import { expectOutcome } from '../../../support/expect-outcome';
import { makeTempDir } from '../../../support/temp-dir';
import { ExportFolderPath } from '../../../../shared/domain/reports';

const ORDERS = ['576477431806261001', '576477431806261002'];
let station: Harness | undefined;
let temp: ReturnType<typeof makeTempDir> | undefined;
let printer: Awaited<ReturnType<typeof startZebraStatusPrinter>> | undefined;
afterEach(async () => {
  await station?.close();
  await printer?.close();
  printer = undefined;
  temp?.remove();
  station = undefined;
  temp = undefined;
});

async function withLabels(env: Record<string, string> = {}): Promise<Harness> {
  station = await startStation(env);
  printer = await startZebraStatusPrinter();
  await station.call('updateSettings', { printer: { address: printer.address } });
  for (const scan of ORDERS) expectOutcome(await station.call('submitScan', { scan }), 'printed');
  return station;
}

describe('the export folder setting', () => {
  it('takes full paths (Linux, Windows, a shared drive) and empty; refuses a relative path with a clear message', async () => {
    for (const ok of ['', '/mnt/share/exports', 'D:\\Exports', 'E:/usb/exports', '\\\\fileserver\\packing\\exports']) {
      expect(ExportFolderPath.safeParse(ok).success, ok).toBe(true);
    }
    for (const bad of ['exports', './exports', '..\\exports', 'D:exports', '\\\\server']) {
      expect(ExportFolderPath.safeParse(bad).success, bad).toBe(false);
    }
    station = await startStation({});
    await expect(station.call('updateSettings', { exports: { folder: 'exports/today' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('Must be a full folder path such as /mnt/share/exports'),
      fields: { 'exports.folder': [expect.stringContaining('Must be a full folder path')] },
    });
    expect((await station.call('getSettings', {})).exports.folder).toBe('');
  });

  it('saves a folder it can write to (creating it), and History’s export lands there and reads back', async () => {
    await withLabels();
    temp = makeTempDir('station-exports-');
    const chosen = path.join(temp.dir, 'usb-stick', 'label exports');
    const saved = await station!.call('updateSettings', { exports: { folder: chosen } });
    expect(saved.exports.folder).toBe(chosen);
    // The check's probe file is gone: only what the station exports will be there.
    expect(readdirSync(chosen)).toEqual([]);
    expect(await station!.call('getExportFolder', {})).toEqual({
      folder: chosen,
      setBy: 'settings',
      defaultFolder: path.join(station!.dataDir, 'exports'),
    });

    const exported = await station!.call('exportHistory', {});
    expect(path.dirname(exported.path)).toBe(chosen);
    expect(readdirSync(chosen)).toEqual([exported.fileName]);
    const rows = parse(readFileSync(exported.path, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.order).sort()).toEqual([...ORDERS].sort());
    expect(existsSync(path.join(station!.dataDir, 'exports'))).toBe(false);

    // Empty again: the data folder's exports/.
    await station!.call('updateSettings', { exports: { folder: '' } });
    const back = await station!.call('exportHistory', {});
    expect(path.dirname(back.path)).toBe(path.join(station!.dataDir, 'exports'));
  });

  it('refuses to save a folder that cannot be written to, says why, and keeps the folder it had', async () => {
    station = await startStation({});
    temp = makeTempDir('station-exports-');
    const good = path.join(temp.dir, 'good');
    await station.call('updateSettings', { exports: { folder: good } });
    // A file where a folder of the path should be (as root, permissions would not stop the station).
    writeFileSync(path.join(temp.dir, 'not-a-folder'), 'x');
    const bad = path.join(temp.dir, 'not-a-folder', 'exports');
    await expect(station.call('updateSettings', { exports: { folder: bad } })).rejects.toMatchObject({
      code: 'export_folder_unwritable',
      message: `The folder ${bad} cannot be written to: part of the path is a file, not a folder (ENOTDIR).`,
      nextStep: expect.stringContaining('pick a folder this station may write to'),
      fields: { 'exports.folder': [expect.stringContaining('Cannot be written to')] },
    });
    expect((await station.call('getSettings', {})).exports.folder).toBe(good);
    expect((await station.call('getExportFolder', {})).folder).toBe(good);
  });

  it('an export into a folder gone since it was saved is refused with the reason and leaves nothing half-written', async () => {
    await withLabels();
    temp = makeTempDir('station-exports-');
    const chosen = path.join(temp.dir, 'exports');
    await station!.call('updateSettings', { exports: { folder: chosen } });
    // The folder was replaced by a file of the same name (a drive remounted, a mistake in a file manager).
    rmSync(chosen, { recursive: true });
    writeFileSync(chosen, 'not a folder');
    await expect(station!.call('exportHistory', {})).rejects.toMatchObject({
      code: 'export_failed',
      message: expect.stringMatching(new RegExp(`^The export was not saved: the folder .*exports cannot be written to: `)),
    });
    expect(readdirSync(temp.dir)).toEqual(['exports']);
    expect(readFileSync(chosen, 'utf8')).toBe('not a folder');
    expect(existsSync(path.join(station!.dataDir, 'exports'))).toBe(false);
  });

  it('a chosen folder that is away (a USB stick pulled out) fails the export; its path is not created on this disk', async () => {
    await withLabels();
    temp = makeTempDir('station-exports-');
    const stick = path.join(temp.dir, 'media', 'usb-stick');
    const chosen = path.join(stick, 'exports');
    await station!.call('updateSettings', { exports: { folder: chosen } });
    rmSync(stick, { recursive: true });
    await expect(station!.call('exportHistory', {})).rejects.toMatchObject({
      code: 'export_failed',
      message: `The export was not saved: the folder ${chosen} cannot be written to: the drive or a folder above it is not there (ENOENT).`,
      nextStep: expect.stringContaining('Plug in or connect the drive'),
    });
    expect(existsSync(stick)).toBe(false);
  });

  it('only a supervisor changes it: an operator is refused and nothing is created', async () => {
    station = await startStation({});
    temp = makeTempDir('station-exports-');
    const ana = await station.call('addOperator', { operator: { name: 'Ana Packer', role: 'operator', pin: '1357' } });
    await station.call('signIn', { operatorId: ana.id, pin: '1357' });
    const wanted = path.join(temp.dir, 'elsewhere');
    await expect(station.call('updateSettings', { exports: { folder: wanted } })).rejects.toMatchObject({ code: 'supervisor_required' });
    expect(existsSync(wanted)).toBe(false);
    expect((await station.call('getExportFolder', {})).setBy).toBe('default');
  });

  it('LABEL_STATION_EXPORT_DIR still wins over the folder set in Settings', async () => {
    temp = makeTempDir('station-exports-');
    const fromEnv = path.join(temp.dir, 'fleet-exports');
    const fromSettings = path.join(temp.dir, 'settings-exports');
    mkdirSync(fromSettings);
    await withLabels({ LABEL_STATION_EXPORT_DIR: fromEnv });
    await station!.call('updateSettings', { exports: { folder: fromSettings } });
    expect(await station!.call('getExportFolder', {})).toMatchObject({ folder: fromEnv, setBy: 'environment' });
    const exported = await station!.call('exportHistory', {});
    expect(path.dirname(exported.path)).toBe(fromEnv);
    expect(readdirSync(fromSettings)).toEqual([]);
  });

  it('"Show in folder" in the browser shell answers that it cannot, and a worker without a sign-in cannot use it', async () => {
    await withLabels();
    const { fileName } = await station!.call('exportHistory', {});
    await expect(station!.call('showExportedFile', { fileName })).rejects.toMatchObject({ code: 'show_in_folder_unavailable' });
    await station!.call('signOut', {});
    await expect(station!.call('showExportedFile', { fileName })).rejects.toMatchObject({ code: 'sign_in_required' });
  });
});
