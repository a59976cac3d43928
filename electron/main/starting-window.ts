/**
 * A small window saying the station is starting, shown when opening the station core takes more
 * than a moment: the first start after an update may bring a large history up to date (about 30 s
 * for a million labels on SQLite) and until then the station window cannot open. Without it the
 * packer sees nothing and starts the app again, or scans into nothing.
 */
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from '../common/app-origin';
import { lockNavigation, secureWebPreferences } from './window-security';

/** The page, next to the renderer's index.html (renderer/public/starting.html). */
export const STARTING_URL = `${APP_ORIGIN}/starting.html`;
/** A start quicker than this shows only the station window. */
export const STARTING_WINDOW_DELAY_MS = 1500;

export interface StartingWindow {
  /** Closes the window, or cancels it before it shows. Call once the station window exists. */
  close(): void;
}

export function showStartingWindow(afterMs: number = STARTING_WINDOW_DELAY_MS): StartingWindow {
  let win: BrowserWindow | undefined;
  const timer = setTimeout(() => {
    win = new BrowserWindow({
      width: 520,
      height: 240,
      title: 'Label Station is starting',
      backgroundColor: '#111827',
      resizable: false,
      minimizable: false,
      maximizable: false,
      // Closing it would quit the station in the middle of its start.
      closable: false,
      autoHideMenuBar: true,
      webPreferences: secureWebPreferences(),
    });
    lockNavigation(win.webContents);
    win.loadURL(STARTING_URL).catch(() => {
      // The station window follows; an empty starting window says as much as this one would.
    });
  }, afterMs);
  return {
    close() {
      clearTimeout(timer);
      if (win && !win.isDestroyed()) win.destroy();
    },
  };
}
