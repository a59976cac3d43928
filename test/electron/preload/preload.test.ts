import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../fakes/electron-mock')).electronModule);

import { methodNames, type StationApi, type StationHandlers } from '../../../shared/contract';
import { registerIpc } from '../../../electron/main/ipc-binding';
import { contextBridge, FakeBrowserWindow, ipcMain, ipcRenderer, resetElectronMock } from '../../fakes/electron-mock';

let exposedCalls: unknown[][];
let station: StationApi;

describe('preload', () => {
  beforeAll(async () => {
    resetElectronMock();
    await import('../../../electron/preload/preload');
    exposedCalls = contextBridge.exposeInMainWorld.mock.calls.map((args) => [...args]);
    station = contextBridge.exposed.station as StationApi;
  });
  beforeEach(() => {
    ipcRenderer.invoke.mockReset();
    ipcRenderer.removeAllListeners();
  });

  it('exposes exactly one API, window.station, with the contract methods and on()', () => {
    expect(exposedCalls).toHaveLength(1);
    expect(exposedCalls[0]?.[0]).toBe('station');
    expect(Object.keys(station).sort()).toEqual([...methodNames, 'on'].sort());
    for (const value of Object.values(station)) expect(typeof value).toBe('function');
  });

  it('never hands ipcRenderer (or any of its methods) to the page', () => {
    const reachable = [station, ...Object.values(station)];
    expect(reachable).not.toContain(ipcRenderer);
    for (const fn of [ipcRenderer.invoke, ipcRenderer.send, ipcRenderer.sendSync, ipcRenderer.on]) {
      expect(reachable).not.toContain(fn);
    }
  });

  it('sends each method on its own channel and unwraps the answer', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { labels: [], total: 0 } });
    await expect(station.searchHistory({ query: 'abc' })).resolves.toEqual({ labels: [], total: 0 });
    expect(ipcRenderer.invoke).toHaveBeenCalledWith('station:searchHistory', { query: 'abc' });
  });

  it('rejects with the whole problem as plain data, so code and next step survive contextBridge', async () => {
    const problem = { code: 'printer_unreachable', message: 'The printer did not answer.', nextStep: 'Check the printer cable.' };
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, problem });
    const rejection = await station.reprintLabel({ reason: 'Label damaged', labelId: 'lbl-1' }).catch((error: unknown) => error);
    // contextBridge would keep only the message of an Error; a plain object is copied whole.
    expect(rejection).not.toBeInstanceOf(Error);
    expect(rejection).toEqual({ name: 'StationError', ...problem });
  });

  it('turns a broken IPC channel into a problem the worker can act on', async () => {
    ipcRenderer.invoke.mockRejectedValueOnce(new Error("No handler registered for 'station:submitScan'"));
    await expect(station.submitScan({ scan: '576000000000000001' })).rejects.toMatchObject({
      code: 'ipc_failed',
      nextStep: expect.stringContaining('check History'),
    });
  });

  it('delivers event payloads (not the IPC event) to subscribers until they unsubscribe', () => {
    const listener = vi.fn();
    const unsubscribe = station.on('jobProgress', listener);
    const payload = { jobId: 'job-1', step: 'printing', message: 'Printing…' };

    ipcRenderer.emit('station:event:jobProgress', { sender: ipcRenderer }, payload);
    expect(listener).toHaveBeenCalledWith(payload);
    expect(listener.mock.calls[0]).toHaveLength(1);

    unsubscribe();
    ipcRenderer.emit('station:event:jobProgress', { sender: ipcRenderer }, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ipcRenderer.listenerCount('station:event:jobProgress')).toBe(0);
  });

  it('reaches the station core through main when wired to the real IPC binding', async () => {
    resetElectronMock();
    const getStationInfo = vi.fn(async () => ({
      version: '0.1.0',
      provider: 'sandbox' as const,
      providerTitle: 'Sandbox',
      capabilities: { tracking: true, void: false, lookup: true, slow: false } as const,
      sandbox: true,
      printer: 'none',
      printerName: 'Label printer',
      dataDir: '/tmp/station',
      shell: 'electron' as const,
      stationName: 'Packing 1',
      database: { mode: 'local' as const, reachable: true, message: 'This station keeps its own history.', pendingWrites: 0 },
      historyCompleteSince: '2026-11-01T08:00:00.000Z',
    }));
    registerIpc({ handlers: { getStationInfo } as unknown as StationHandlers, events: { on: () => () => {} } });
    const win = new FakeBrowserWindow();
    win.webContents.mainFrame.url = 'app://station/index.html';
    ipcRenderer.invoke.mockImplementation((channel: string, input: unknown) =>
      ipcMain.invoke(channel, { webContents: win.webContents, frame: win.webContents.mainFrame }, input),
    );

    await expect(station.getStationInfo({})).resolves.toMatchObject({ shell: 'electron', provider: 'sandbox' });
    expect(getStationInfo).toHaveBeenCalledTimes(1);
  });
});
