/**
 * One station process per data folder: a second process is refused and told who holds the folder;
 * a lock left by a process that died is taken over at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNodeStores, createStationCore, type StationCore } from '../../../../electron/station';
import { LOCK_FILE } from '../../../../electron/station/core/data-folder-lock';
import { makeTempDir } from '../../../support/temp-dir';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const temp = makeTempDir();
  cleanups.push(() => temp.remove());
  return temp.dir;
}

async function open(dataDir: string): Promise<StationCore> {
  const core = await createStationCore({ dataDir, shell: 'web', ...createNodeStores(dataDir), env: {} });
  cleanups.push(() => core.close());
  return core;
}

function writeLock(dataDir: string, owner: { pid: number; host?: string }): void {
  const lock = { pid: owner.pid, host: owner.host ?? hostname(), shell: 'electron', since: '2026-12-04T08:00:00.000Z' };
  writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify(lock));
}

describe('one station per data folder', () => {
  it('refuses a second station on a folder in use, naming the process, and opens once the first has closed', async () => {
    const dataDir = folder();
    const first = await createStationCore({ dataDir, shell: 'web', ...createNodeStores(dataDir), env: {} });
    await expect(open(dataDir)).rejects.toMatchObject({
      code: 'data_folder_in_use',
      message: expect.stringContaining(`process ${process.pid}`),
      nextStep: expect.stringMatching(/close it and start this one again/),
    });
    expect((await first.handlers.getSettings({})).provider).toBe('sandbox');
    await first.close();
    expect(existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
    await expect(open(dataDir)).resolves.toBeDefined();
  });

  it('is refused while another running process holds the folder, and takes over the moment it is killed', async () => {
    const dataDir = folder();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    cleanups.push(() => void holder.kill('SIGKILL'));
    await new Promise((resolve) => holder.once('spawn', resolve));
    writeLock(dataDir, { pid: holder.pid! });
    await expect(open(dataDir)).rejects.toMatchObject({
      code: 'data_folder_in_use',
      message: expect.stringContaining(`process ${holder.pid}`),
    });

    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    const core = await open(dataDir);
    expect((await core.handlers.getSettings({})).provider).toBe('sandbox');
  });

  it('names the other computer when the folder is shared, since it cannot tell whether that station still runs', async () => {
    const dataDir = folder();
    writeLock(dataDir, { pid: 4242, host: 'packing-2' });
    await expect(open(dataDir)).rejects.toMatchObject({
      code: 'data_folder_in_use',
      message: expect.stringContaining('process 4242 on computer packing-2'),
      nextStep: expect.stringContaining(LOCK_FILE),
    });
  });
});
