import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../../fakes/electron-mock')).electronModule);
vi.mock('electron-store', async () => (await import('../../fakes/electron-mock')).electronStoreModule);
vi.mock('../../../electron/station', () => ({ createStationCore: vi.fn() }));

import { createStationCore } from '../../../electron/station';
import { createMainWindow, resolveShellPaths, startStationApp } from '../../../electron/main/main';
import { denyAllPermissions } from '../../../electron/main/window-security';
import { methodNames } from '../../../shared/contract';
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakePreventableEvent,
  FakeWebContents,
  ipcMain,
  protocol,
  resetElectronMock,
  session,
  shell,
} from '../../fakes/electron-mock';

const PATHS = { preload: '/opt/station/dist/electron/preload.cjs', rendererDir: '/opt/station/dist/renderer' };
const createCore = vi.mocked(createStationCore);
const quiet = () => {};
// Read before any reset: whatever importing main.ts did to the app.
const onImport = { whenReady: app.whenReady.mock.calls.length, lock: app.requestSingleInstanceLock.mock.calls.length };

function fakeCore() {
  return { handlers: {} as never, events: { on: () => () => {} }, close: vi.fn(async () => {}) };
}

describe('the station window', () => {
  beforeEach(() => resetElectronMock());

  it('importing main does not start the app outside Electron', () => {
    expect(onImport).toEqual({ whenReady: 0, lock: 0 });
  });

  it('is created isolated and sandboxed, with the preload and no Node in the page', () => {
    createMainWindow(PATHS);
    const [win] = FakeBrowserWindow.windows;
    expect(win?.options.webPreferences).toMatchObject({
      preload: PATHS.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(win?.options.minWidth).toBeGreaterThan(0);
  });

  it('loads the renderer from app://station/ and shows only once ready', () => {
    const win = createMainWindow(PATHS) as unknown as FakeBrowserWindow;
    expect(win.webContents.loadURL).toHaveBeenCalledWith('app://station/index.html');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('stays on its own origin: foreign navigation and redirects are prevented', () => {
    const { webContents } = createMainWindow(PATHS) as unknown as FakeBrowserWindow;
    expect(webContents.attemptNavigation('https://evil.example/phish')).toBe(false);
    expect(webContents.attemptNavigation('file:///etc/passwd')).toBe(false);
    expect(webContents.attemptNavigation('app://station.evil/index.html')).toBe(false);
    expect(webContents.attemptNavigation('https://evil.example/', 'will-redirect')).toBe(false);
    expect(webContents.attemptNavigation('app://station/index.html#/history')).toBe(true);
  });

  it('denies window.open and refuses to attach webviews', () => {
    const { webContents } = createMainWindow(PATHS) as unknown as FakeBrowserWindow;
    expect(webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(webContents.windowOpenHandler?.({ url: 'app://station/index.html' })).toEqual({ action: 'deny' });
    const attach = new FakePreventableEvent();
    webContents.emit('will-attach-webview', attach, {}, {});
    expect(attach.defaultPrevented).toBe(true);
  });

  it('denies every permission request and check', () => {
    const ses = session.defaultSession;
    denyAllPermissions(ses as never);
    const requestHandler = ses.setPermissionRequestHandler.mock.calls[0]?.[0] as (...args: unknown[]) => void;
    const checkHandler = ses.setPermissionCheckHandler.mock.calls[0]?.[0] as (...args: unknown[]) => boolean;
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal']) {
      requestHandler({}, permission, (granted: boolean) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(checkHandler({}, 'media', 'app://station')).toBe(false);
  });

  it('finds the built preload and renderer next to the built main', () => {
    expect(resolveShellPaths('file:///opt/station/dist/electron/main.js')).toEqual(PATHS);
  });
});

describe('startStationApp', () => {
  let dataDir: string;
  beforeEach(() => {
    resetElectronMock();
    createCore.mockReset();
    dataDir = mkdtempSync(path.join(tmpdir(), 'station-main-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('creates the core in LABEL_STATION_DATA_DIR, serves the renderer, binds IPC and opens the window', async () => {
    createCore.mockResolvedValue(fakeCore() as never);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });

    expect(app.getPath('userData')).toBe(dataDir);
    expect(createCore).toHaveBeenCalledWith(
      expect.objectContaining({ dataDir, shell: 'electron', settingsStore: expect.any(Object), secretStore: expect.any(Object) }),
    );
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(protocol.handlers.has('app')).toBe(true);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect([...ipcMain.handlers.keys()]).toHaveLength(methodNames.length);
    expect(FakeBrowserWindow.windows).toHaveLength(1);
  });

  it('gives the core "Show in folder" through Electron’s shell.showItemInFolder', async () => {
    createCore.mockResolvedValue(fakeCore() as never);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });
    const reveal = createCore.mock.calls[0]?.[0].revealFile;
    await reveal?.('/srv/exports/label-history-20261205-101010-123.csv');
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/srv/exports/label-history-20261205-101010-123.csv');
  });

  it('uses Electron userData when no data folder is given', async () => {
    app.setPath('userData', dataDir);
    createCore.mockResolvedValue(fakeCore() as never);
    await startStationApp({ paths: PATHS, env: {}, log: quiet });
    expect(createCore).toHaveBeenCalledWith(expect.objectContaining({ dataDir }));
  });

  it('locks navigation on any webContents created later', async () => {
    createCore.mockResolvedValue(fakeCore() as never);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });
    const stray = new FakeWebContents();
    app.emit('web-contents-created', {}, stray);
    expect(stray.attemptNavigation('https://evil.example/')).toBe(false);
    expect(stray.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('a second instance quits without touching the data', async () => {
    app.requestSingleInstanceLock.mockReturnValue(false);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });
    expect(app.quit).toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.windows).toHaveLength(0);
  });

  it('brings the existing window forward when a second instance starts', async () => {
    createCore.mockResolvedValue(fakeCore() as never);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });
    const [win] = FakeBrowserWindow.windows;
    win!.minimized = true;
    app.emit('second-instance', {}, [], '/');
    expect(win!.restore).toHaveBeenCalled();
    expect(win!.focus).toHaveBeenCalled();
  });

  it('closes the core before quitting, once', async () => {
    const core = fakeCore();
    createCore.mockResolvedValue(core as never);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });

    const firstQuit = new FakePreventableEvent();
    app.emit('will-quit', firstQuit);
    expect(firstQuit.defaultPrevented).toBe(true);
    expect(core.close).toHaveBeenCalledTimes(1);
    expect(ipcMain.handlers.size).toBe(0);
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());

    const secondQuit = new FakePreventableEvent();
    app.emit('will-quit', secondQuit);
    expect(secondQuit.defaultPrevented).toBe(false);
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('shows a starting window while a slow start brings the history up to date, and closes it once the station window exists', async () => {
    let opened: (core: unknown) => void = () => {};
    createCore.mockReturnValue(new Promise((resolve) => (opened = resolve)) as never);
    const started = startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet, startingWindowAfterMs: 5 });
    await vi.waitFor(() => expect(FakeBrowserWindow.windows).toHaveLength(1));
    const [starting] = FakeBrowserWindow.windows;
    expect(starting!.webContents.loadURL).toHaveBeenCalledWith('app://station/starting.html');
    expect(starting!.options).toMatchObject({
      closable: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(starting!.options.webPreferences.preload).toBeUndefined();
    expect(starting!.webContents.attemptNavigation('https://evil.example/')).toBe(false);
    expect(starting!.webContents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });

    opened(fakeCore());
    await started;
    expect(starting!.isDestroyed()).toBe(true);
    const station = FakeBrowserWindow.windows[1];
    expect(station?.webContents.loadURL).toHaveBeenCalledWith('app://station/index.html');
    expect(FakeBrowserWindow.getAllWindows()).toEqual([station]);
  });

  it('shows no starting window when the station opens at once', async () => {
    createCore.mockResolvedValue(fakeCore() as never);
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet, startingWindowAfterMs: 50 });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(FakeBrowserWindow.windows).toHaveLength(1);
  });

  it('tells the worker and exits when the core cannot start, without opening a window', async () => {
    createCore.mockRejectedValue(new Error('database is locked'));
    await startStationApp({ paths: PATHS, env: { LABEL_STATION_DATA_DIR: dataDir }, log: quiet });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Label Station could not start', expect.stringContaining('database is locked'));
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(FakeBrowserWindow.windows).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
  });
});
