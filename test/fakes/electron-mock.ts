/**
 * A small fake of the 'electron' module (only what the shell uses), in the spirit of
 * electron/fiddle's tests/mocks. Use from a test:
 *
 *   vi.mock('electron', async () => (await import('../fakes/electron-mock')).electronModule);
 *   vi.mock('electron-store', async () => (await import('../fakes/electron-mock')).electronStoreModule);
 *
 * electron-store is faked too because vitest loads node_modules natively, so its own
 * `import 'electron'` would reach the real (binary-less) package; the fake keeps its on-disk
 * behaviour by running on conf, the library electron-store itself is built on.
 *
 * and call resetElectronMock() in beforeEach. State is module-global, like Electron's.
 */
import Conf, { type Options as ConfOptions } from 'conf';
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

type AnyFn = (...args: any[]) => any;

let nextId = 1;

export class FakeWebFrameMain {
  parent: FakeWebFrameMain | null = null;
  constructor(
    public url: string,
    public processId = 7,
    public routingId = nextId++,
  ) {}
}

export class FakePreventableEvent {
  defaultPrevented = false;
  constructor(public url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  mainFrame = new FakeWebFrameMain('about:blank');
  destroyed = false;
  windowOpenHandler: AnyFn | undefined;
  readonly send = vi.fn();
  readonly loadURL = vi.fn(async (url: string) => {
    this.mainFrame.url = url;
  });

  setWindowOpenHandler(handler: AnyFn): void {
    this.windowOpenHandler = handler;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Test helper: what Electron does when the page tries to navigate; true if it was allowed. */
  attemptNavigation(url: string, kind: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const event = new FakePreventableEvent(url);
    this.emit(kind, event, url);
    return !event.defaultPrevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static windows: FakeBrowserWindow[] = [];
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.windows.filter((win) => !win.destroyed);
  }

  readonly webContents = new FakeWebContents();
  destroyed = false;
  visible = false;
  minimized = false;
  readonly show = vi.fn(() => {
    this.visible = true;
  });
  readonly focus = vi.fn();
  readonly restore = vi.fn(() => {
    this.minimized = false;
  });

  constructor(public readonly options: Record<string, any> = {}) {
    super();
    FakeBrowserWindow.windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  close(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  destroy(): void {
    this.close();
  }
}

class FakeIpcMain extends EventEmitter {
  readonly handlers = new Map<string, AnyFn>();
  handle(channel: string, handler: AnyFn): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** Test helper: what ipcRenderer.invoke from `sender` would do. */
  async invoke(
    channel: string,
    sender: { webContents: FakeWebContents; frame: FakeWebFrameMain | null },
    ...args: unknown[]
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ sender: sender.webContents, senderFrame: sender.frame }, ...args);
  }
}

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (_channel: string, ..._args: unknown[]): Promise<unknown> => undefined);
  readonly send = vi.fn();
  readonly sendSync = vi.fn();
}

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>([['userData', '/tmp/label-station-fake-userdata']]);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly whenReady = vi.fn(async () => {});
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (!value) throw new Error(`Failed to get '${name}' path`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  getName(): string {
    return 'label-station';
  }
}

/** Reversible but visibly not plaintext, like real ciphertext. */
const fakeCipher = (bytes: Buffer) => Buffer.from(bytes.map((b) => b ^ 0x5a));

class FakeSafeStorage {
  available = true;
  backend = 'gnome_libsecret';
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encryptString(plain: string): Buffer {
    if (!this.available) throw new Error('Encryption is not available.');
    return Buffer.concat([Buffer.from('v10'), fakeCipher(Buffer.from(plain, 'utf8'))]);
  }
  decryptString(sealed: Buffer): string {
    if (!this.available) throw new Error('Decryption is not available.');
    if (sealed.subarray(0, 3).toString() !== 'v10')
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return fakeCipher(sealed.subarray(3)).toString('utf8');
  }
  getSelectedStorageBackend(): string {
    return this.backend;
  }
}

class FakeSession {
  readonly setPermissionRequestHandler = vi.fn();
  readonly setPermissionCheckHandler = vi.fn();
  readonly setDevicePermissionHandler = vi.fn();
}

export const app = new FakeApp();
export const ipcMain = new FakeIpcMain();
export const ipcRenderer = new FakeIpcRenderer();
export const safeStorage = new FakeSafeStorage();
export const contextBridge = {
  exposed: {} as Record<string, unknown>,
  exposeInMainWorld: vi.fn((key: string, api: unknown) => {
    contextBridge.exposed[key] = api;
  }),
};
export const protocol = {
  handlers: new Map<string, AnyFn>(),
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn((scheme: string, handler: AnyFn) => {
    protocol.handlers.set(scheme, handler);
  }),
};
export const session = { defaultSession: new FakeSession() };
export const dialog = { showErrorBox: vi.fn() };
export const shell = { openPath: vi.fn(async () => ''), showItemInFolder: vi.fn((_fullPath: string) => undefined) };

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  ipcMain,
  ipcRenderer,
  contextBridge,
  safeStorage,
  protocol,
  session,
  dialog,
  shell,
  default: undefined as unknown,
};
electronModule.default = electronModule;

/** electron-store's constructor, over the real conf: `name` is the file name, `cwd` defaults to userData. */
class FakeElectronStore<T extends Record<string, any> = Record<string, unknown>> extends Conf<T> {
  constructor(options: Partial<ConfOptions<T>> & { name?: string } = {}) {
    const { name = 'config', cwd, ...rest } = options;
    super({ ...rest, configName: name, cwd: cwd ?? app.getPath('userData'), projectVersion: app.getVersion() } as ConfOptions<T>);
  }
}
export const electronStoreModule = { default: FakeElectronStore };

export function resetElectronMock(): void {
  app.removeAllListeners();
  app.paths.clear();
  app.paths.set('userData', '/tmp/label-station-fake-userdata');
  ipcMain.removeAllListeners();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  FakeBrowserWindow.windows = [];
  safeStorage.available = true;
  safeStorage.backend = 'gnome_libsecret';
  contextBridge.exposed = {};
  protocol.handlers.clear();
  session.defaultSession = new FakeSession();
  vi.resetAllMocks();
}
