/**
 * "Show in folder" in the Electron shell, on a REAL station core bound to the (mocked) ipcMain as
 * main.ts binds it: the file manager opens on an export the station wrote, named by its file name;
 * a path from the page, a name it never wrote, or a file gone since are refused and open nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../fakes/electron-mock')).electronModule);

import type { RpcResult } from '../../../shared/rpc';
import { registerIpc } from '../../../electron/main/ipc-binding';
import { revealInFolder } from '../../../electron/main/show-in-folder';
import type { KeyValueStore, SecretStore, StationCore } from '../../../electron/station';
import { createSignedInCore } from '../../support/signed-in-core';
import { FakeBrowserWindow, ipcMain, resetElectronMock, shell } from '../../fakes/electron-mock';

function memoryStore(): KeyValueStore & SecretStore {
  const map = new Map<string, unknown>();
  return {
    get: (k: string) => map.get(k) as never,
    set: (k: string, v: unknown) => void map.set(k, structuredClone(v)),
    delete: (k: string) => void map.delete(k),
  };
}

let dataDir: string;
let core: StationCore;
let unbind: () => void;
let sender: Parameters<typeof ipcMain.invoke>[1];

const call = async (method: string, input: unknown) => (await ipcMain.invoke(`station:${method}`, sender, input)) as RpcResult;

beforeEach(async () => {
  resetElectronMock();
  dataDir = mkdtempSync(path.join(tmpdir(), 'station-show-'));
  core = await createSignedInCore({
    dataDir,
    shell: 'electron',
    settingsStore: memoryStore(),
    secretStore: memoryStore(),
    env: { LABEL_STATION_SANDBOX_LATENCY_MS: '0' },
    log: () => {},
    revealFile: revealInFolder,
  });
  const win = new FakeBrowserWindow();
  win.webContents.mainFrame.url = 'app://station/index.html';
  sender = { webContents: win.webContents, frame: win.webContents.mainFrame };
  unbind = registerIpc(core, { windows: () => [win as never] });
});
afterEach(async () => {
  unbind();
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Show in folder (Electron)', () => {
  it('opens the file manager on the export the station just wrote, by its name', async () => {
    const exported = await call('exportHistory', {});
    if (!exported.ok) throw new Error(exported.problem.message);
    const { fileName, path: written } = exported.value as { fileName: string; path: string };
    expect(path.dirname(written)).toBe(path.join(dataDir, 'exports'));

    await expect(call('showExportedFile', { fileName })).resolves.toEqual({ ok: true, value: { shown: true } });
    expect(shell.showItemInFolder).toHaveBeenCalledTimes(1);
    expect(shell.showItemInFolder).toHaveBeenCalledWith(written);
  });

  it.each([
    ['a path', { fileName: '/etc/passwd' }],
    ['a path out of the export folder', { fileName: '../history.sqlite' }],
    ['a path key instead of a name', { path: '/etc/passwd' }],
    ['a Windows path', { fileName: 'C:\\Windows\\System32\\calc.exe' }],
  ])('refuses %s from the page at the contract and opens nothing', async (_what, input) => {
    await call('exportHistory', {});
    const answer = await call('showExportedFile', input);
    expect(answer).toMatchObject({ ok: false, problem: { code: 'invalid_input' } });
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('refuses an export name it never wrote, and one deleted since, and opens nothing', async () => {
    const never = await call('showExportedFile', { fileName: 'label-history-20261205-101010-123.csv' });
    expect(never).toMatchObject({ ok: false, problem: { code: 'export_not_found' } });

    const exported = await call('exportHistory', {});
    if (!exported.ok) throw new Error(exported.problem.message);
    const { fileName, path: written } = exported.value as { fileName: string; path: string };
    rmSync(written);
    const gone = await call('showExportedFile', { fileName });
    expect(gone).toMatchObject({ ok: false, problem: { code: 'export_not_found', message: expect.stringContaining(fileName) } });
    expect(shell.showItemInFolder).not.toHaveBeenCalled();
  });
});
