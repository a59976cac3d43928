/**
 * Locks a page to the station's own origin and refuses every permission request, following
 * Electron's security checklist (navigation, new windows, webviews, permissions).
 */
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAppUrl } from '../common/app-origin';

/** `preloadPath`: the station window's bridge; a page without one (the starting window) gets none. */
export function secureWebPreferences(preloadPath?: string): WebPreferences {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** Stays on app://station/: foreign navigations and redirects are cancelled, popups and webviews refused. */
export function lockNavigation(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** The station needs no camera, microphone, notifications, geolocation, HID, serial or USB from the page. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
