/**
 * The Electron shell: app lifecycle, the station window, and wiring of the station core to IPC.
 * Importing this module starts nothing unless it runs as Electron's main process.
 */
import { app, BrowserWindow, dialog, session } from 'electron';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStationCore } from '../station';
import type { StationCore } from '../station';
import { APP_ENTRY_URL } from '../common/app-origin';
import { registerAppScheme, serveRendererOnAppScheme } from './app-protocol';
import { createElectronSecretStore } from './electron-secret-store';
import { createElectronSettingsStore } from './electron-settings-store';
import { registerIpc } from './ipc-binding';
import { revealInFolder } from './show-in-folder';
import { showStartingWindow } from './starting-window';
import { denyAllPermissions, lockNavigation, secureWebPreferences } from './window-security';

export interface ShellPaths {
  /** dist/electron/preload.cjs */
  preload: string;
  /** dist/renderer (index.html and its assets) */
  rendererDir: string;
}

/** Paths of the built preload and renderer, relative to the built main (dist/electron/main.js). */
export function resolveShellPaths(mainModuleUrl: string = import.meta.url): ShellPaths {
  const here = path.dirname(fileURLToPath(mainModuleUrl));
  return {
    preload: path.join(here, 'preload.cjs'),
    rendererDir: path.resolve(here, '..', 'renderer'),
  };
}

/** LABEL_STATION_DATA_DIR when set (tests, several stations on one machine), else Electron's userData. */
export function resolveDataDir(env: Record<string, string | undefined> = process.env): string {
  const fromEnv = env.LABEL_STATION_DATA_DIR?.trim();
  return fromEnv ? path.resolve(fromEnv) : app.getPath('userData');
}

export function createMainWindow(paths: Pick<ShellPaths, 'preload'>): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: 'Label Station',
    backgroundColor: '#111827',
    show: false,
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(paths.preload),
  });
  lockNavigation(win.webContents);
  win.once('ready-to-show', () => win.show());
  // A window that failed to load is still shown: an invisible running station is worse.
  win.webContents.once('did-fail-load', () => {
    if (!win.isDestroyed()) win.show();
  });
  win.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error(`[label-station] the station screen did not load: ${describe(error)}`);
  });
  return win;
}

export interface StartOptions {
  paths?: ShellPaths;
  env?: Record<string, string | undefined>;
  log?: (line: string) => void;
  /** How long a start may take before the starting window shows (default 1.5 s). */
  startingWindowAfterMs?: number;
}

/**
 * Runs the station: one instance per data folder, core created on 'ready', the window opened, and
 * the core closed before the process exits. Resolves once the window is open (or the app quits).
 */
export async function startStationApp(options: StartOptions = {}): Promise<void> {
  const paths = options.paths ?? resolveShellPaths();
  const env = options.env ?? process.env;
  const log = options.log ?? ((line: string) => console.log(`[label-station] ${line}`));

  if (env.LABEL_STATION_DATA_DIR?.trim()) {
    // Chromium's profile and the single-instance lock follow the data folder too.
    app.setPath('userData', resolveDataDir(env));
  }
  registerAppScheme();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | undefined;
  let core: StationCore | undefined;
  let unbindIpc: (() => void) | undefined;
  let closed = false;

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // Every webContents, even one we did not expect, gets the same lock.
  app.on('web-contents-created', (_event, contents) => lockNavigation(contents));
  // A packing station has one window: closing it ends the station on every platform.
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    if (closed || !core) return;
    event.preventDefault();
    closed = true;
    unbindIpc?.();
    const closing = core.close().catch((error: unknown) => log(`closing the station core failed: ${describe(error)}`));
    void closing.finally(() => app.quit());
  });

  await app.whenReady();
  const dataDir = resolveDataDir(env);
  denyAllPermissions(session.defaultSession);
  serveRendererOnAppScheme(paths.rendererDir);
  const starting = showStartingWindow(options.startingWindowAfterMs);
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    core = await createStationCore({
      dataDir,
      shell: 'electron',
      settingsStore: createElectronSettingsStore(dataDir),
      secretStore: createElectronSecretStore(dataDir, { log }),
      env,
      log,
      revealFile: revealInFolder,
    });
  } catch (error) {
    starting.close();
    log(`the station could not start: ${describe(error)}`);
    dialog.showErrorBox(
      'Label Station could not start',
      `The station could not open its data folder (${dataDir}).\n\n${describe(error)}\n\n` +
        'Close any other Label Station window on this computer and start it again. If it still fails, tell a supervisor.',
    );
    app.exit(1);
    return;
  }

  unbindIpc = registerIpc(core, { log, windows: () => (mainWindow && !mainWindow.isDestroyed() ? [mainWindow] : []) });
  mainWindow = createMainWindow(paths);
  // Only now: closing the last window would quit the station.
  starting.close();
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (process.type === 'browser') {
  void startStationApp();
}
