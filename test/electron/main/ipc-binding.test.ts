import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../fakes/electron-mock')).electronModule);

import { methodNames, type StationHandlers } from '../../../shared/contract';
import type { RpcResult } from '../../../shared/rpc';
import { StationError } from '../../../shared/errors';
import { registerIpc } from '../../../electron/main/ipc-binding';
import type { StationCore } from '../../../electron/station';
import { FakeBrowserWindow, FakeWebContents, FakeWebFrameMain, ipcMain, resetElectronMock } from '../../fakes/electron-mock';

const STATION_INFO = {
  version: '0.1.0',
  provider: 'sandbox',
  providerTitle: 'Sandbox',
  capabilities: { tracking: true, void: false, lookup: true, slow: false },
  sandbox: true,
  printer: 'none',
  printerName: 'Label printer',
  dataDir: '/tmp/station',
  shell: 'electron',
  stationName: 'Packing 1',
  database: { mode: 'local', reachable: true, message: 'This station keeps its own history.', pendingWrites: 0 },
  historyCompleteSince: '2026-11-01T08:00:00.000Z',
} as const;

function fakeCore() {
  const bus = new EventEmitter();
  const handlers = Object.fromEntries(
    methodNames.map((method) => [
      method,
      vi.fn(async () => {
        throw new Error(`${method} not expected in this test`);
      }),
    ]),
  ) as unknown as Record<keyof StationHandlers, ReturnType<typeof vi.fn>>;
  handlers.getStationInfo.mockResolvedValue(STATION_INFO);
  const core: Pick<StationCore, 'handlers' | 'events'> = {
    handlers: handlers as unknown as StationHandlers,
    events: {
      on: (event, listener) => {
        bus.on(event, listener);
        return () => bus.off(event, listener);
      },
    },
  };
  return { core, handlers, bus };
}

/** Our window, showing our page, and a sender description for its top frame. */
function stationWindow(url = 'app://station/index.html') {
  const win = new FakeBrowserWindow();
  win.webContents.mainFrame.url = url;
  return { win, sender: { webContents: win.webContents, frame: win.webContents.mainFrame } };
}

const call = (channel: string, sender: Parameters<typeof ipcMain.invoke>[1], input: unknown) =>
  ipcMain.invoke(channel, sender, input) as Promise<RpcResult>;

describe('IPC binding of the station contract', () => {
  beforeEach(() => resetElectronMock());

  it('registers one handler per contract method, named station:<method>', () => {
    registerIpc(fakeCore().core);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(methodNames.map((m) => `station:${m}`).sort());
  });

  it('passes a valid call from our window to the core and returns its answer', async () => {
    const { core, handlers } = fakeCore();
    handlers.submitScan.mockResolvedValue({
      outcome: 'failed',
      jobId: 'job-1',
      problem: { code: 'not_an_order_id', message: 'That is not a TikTok order ID.', nextStep: 'Scan the order barcode.' },
    });
    registerIpc(core);
    const { sender } = stationWindow();

    await expect(call('station:getStationInfo', sender, {})).resolves.toEqual({ ok: true, value: STATION_INFO });
    const scan = await call('station:submitScan', sender, { scan: '576000000000000001' });
    expect(handlers.submitScan).toHaveBeenCalledWith({ scan: '576000000000000001' });
    expect(scan).toMatchObject({ ok: true, value: { outcome: 'failed', jobId: 'job-1' } });
  });

  it('answers invalid input with an invalid_input envelope without calling the core', async () => {
    const { core, handlers } = fakeCore();
    registerIpc(core);
    const { sender } = stationWindow();

    const tooLong = await call('station:submitScan', sender, { scan: '5'.repeat(201) });
    expect(tooLong).toMatchObject({ ok: false, problem: { code: 'invalid_input' } });
    const missing = await call('station:reprintLabel', sender, {});
    expect(missing).toMatchObject({ ok: false, problem: { code: 'invalid_input' } });
    const extraKey = await call('station:getSettings', sender, { apiKey: 'leak-me-please' });
    expect(extraKey).toMatchObject({ ok: false, problem: { code: 'invalid_input' } });

    expect(handlers.submitScan).not.toHaveBeenCalled();
    expect(handlers.reprintLabel).not.toHaveBeenCalled();
    expect(handlers.getSettings).not.toHaveBeenCalled();
  });

  it.each([
    ['a foreign site', 'https://evil.example/index.html'],
    ['a look-alike host', 'app://station.evil/index.html'],
    ['another host on our scheme', 'app://evil/index.html'],
    ['a local file', 'file:///home/station/index.html'],
    ['a blank page', 'about:blank'],
  ])('refuses a call from our window when it shows %s', async (_label, url) => {
    const { core, handlers } = fakeCore();
    registerIpc(core);
    const { sender } = stationWindow(url);

    const answer = await call('station:getStationInfo', sender, {});
    expect(answer).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    expect(handlers.getStationInfo).not.toHaveBeenCalled();
  });

  it('refuses a call from a subframe, even one showing our own origin', async () => {
    const { core, handlers } = fakeCore();
    registerIpc(core);
    const { win } = stationWindow();
    const iframe = new FakeWebFrameMain('app://station/index.html');
    iframe.parent = win.webContents.mainFrame;

    const answer = await call('station:submitScan', { webContents: win.webContents, frame: iframe }, { scan: '576000000000000001' });
    expect(answer).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    expect(handlers.submitScan).not.toHaveBeenCalled();
  });

  it('refuses a call from a webContents that is not one of our windows, or with no frame', async () => {
    const { core, handlers } = fakeCore();
    registerIpc(core);
    stationWindow();
    const stranger = new FakeWebContents();
    stranger.mainFrame.url = 'app://station/index.html';

    const fromStranger = await call('station:getStationInfo', { webContents: stranger, frame: stranger.mainFrame }, {});
    const { win } = stationWindow();
    const frameGone = await call('station:getStationInfo', { webContents: win.webContents, frame: null }, {});
    expect(fromStranger).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    expect(frameGone).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    expect(handlers.getStationInfo).not.toHaveBeenCalled();
  });

  it('only trusts the windows it was told about', async () => {
    const { core, handlers } = fakeCore();
    const { win: ours } = stationWindow();
    const { sender: otherWindow } = stationWindow();
    registerIpc(core, { windows: () => [ours as never] });

    const answer = await call('station:getStationInfo', otherWindow, {});
    expect(answer).toMatchObject({ ok: false, problem: { code: 'forbidden' } });
    expect(handlers.getStationInfo).not.toHaveBeenCalled();
  });

  it('turns a core failure into an envelope the worker can read', async () => {
    const { core, handlers } = fakeCore();
    handlers.reprintLabel.mockRejectedValue(
      new StationError('printer_unreachable', 'The printer did not answer.', 'Check the printer cable.'),
    );
    registerIpc(core);
    const { sender } = stationWindow();

    await expect(call('station:reprintLabel', sender, { labelId: 'lbl-1', reason: 'Label damaged' })).resolves.toEqual({
      ok: false,
      problem: { code: 'printer_unreachable', message: 'The printer did not answer.', nextStep: 'Check the printer cable.' },
    });
  });

  it('logs an unexpected core failure with the method, never the input, and answers internal_error', async () => {
    const { core, handlers } = fakeCore();
    handlers.reprintLabel.mockRejectedValue(new TypeError('label.file is undefined'));
    const lines: string[] = [];
    registerIpc(core, { log: (line) => lines.push(line) });
    const { sender } = stationWindow();

    await expect(call('station:reprintLabel', sender, { labelId: 'lbl-secretive-1', reason: 'Label damaged' })).resolves.toMatchObject({
      ok: false,
      problem: { code: 'internal_error' },
    });
    expect(lines).toEqual([expect.stringMatching(/^reprintLabel failed unexpectedly: TypeError: label.file is undefined/)]);
    expect(lines.join('\n')).not.toContain('lbl-secretive-1');
  });

  it('forwards core events to live windows and stops after disposal', () => {
    const { core, bus } = fakeCore();
    const { win: live } = stationWindow();
    const { win: closed } = stationWindow();
    closed.close();
    const dispose = registerIpc(core);
    const progress = { jobId: 'job-1', step: 'buying', message: 'Buying the label…' };

    bus.emit('jobProgress', progress);
    expect(live.webContents.send).toHaveBeenCalledWith('station:event:jobProgress', progress);
    expect(closed.webContents.send).not.toHaveBeenCalled();

    dispose();
    bus.emit('jobProgress', progress);
    expect(live.webContents.send).toHaveBeenCalledTimes(1);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
