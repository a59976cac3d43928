/**
 * Settings → Storage's backup folder is checked when a supervisor saves it (as the export folder is):
 * a folder that cannot take files is refused with the reason, on its field, and the folder in force
 * stays; a good one is where "Back up now" writes.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startStation, type Harness } from '../../../support/station-harness';
import { makeTempDir } from '../../../support/temp-dir';

let station: Harness | undefined;
let temp: { dir: string; remove(): void } | undefined;
afterEach(async () => {
  await station?.close();
  temp?.remove();
  station = temp = undefined;
});

describe('the backup folder', () => {
  it('is refused on save when it cannot take files, says why, and the folder in force stays', async () => {
    station = await startStation({});
    temp = makeTempDir('station-backups-');
    const good = path.join(temp.dir, 'nas', 'backups');
    await station.call('updateSettings', { storage: { backupFolder: good } });
    const made = await station.call('backUpNow', {});
    expect(made.folder).toBe(good);
    expect(readdirSync(good).filter((f) => f.endsWith('.sqlite'))).toHaveLength(1);

    writeFileSync(path.join(temp.dir, 'usb-stick'), 'a file where a folder should be');
    const bad = path.join(temp.dir, 'usb-stick', 'backups');
    await expect(station.call('updateSettings', { storage: { backupFolder: bad } })).rejects.toMatchObject({
      code: 'backup_folder_unwritable',
      message: `The folder ${bad} cannot be written to: part of the path is a file, not a folder (ENOTDIR).`,
      nextStep: expect.stringContaining('pick a folder this station may write to'),
      fields: { 'storage.backupFolder': [expect.stringContaining('Cannot be written to')] },
    });
    expect((await station.call('getSettings', {})).storage.backupFolder).toBe(good);
  });
});
