/**
 * A stand-in for the `electron` module, for running the built main bundle and preload under
 * plain Node where no Electron binary exists. It implements only what Parley calls, behaves like
 * Electron where Parley depends on it (a window's WebContents is announced through
 * `web-contents-created`, `whenReady` resolves, dialogs answer), and records every call the
 * security checks look at. Loaded in place of `electron` by electronStandInHooks.mjs.
 */
import { EventEmitter } from 'node:events';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- handlers of every Electron shape are stored and called back as Electron would
type Handler = (...args: any[]) => unknown;

export interface MessageBoxRecord {
  message: string;
  buttons: string[];
  parented: boolean;
}

/** Everything the bundle did with Electron, for the driver to inspect. */
export const record = {
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  permissionRequestHandler: null as Handler | null,
  permissionCheckHandler: null as Handler | null,
  ipcHandlers: new Map<string, Handler>(),
  ipcListeners: new Map<string, Handler>(),
  windows: [] as StandInBrowserWindow[],
  messageBoxes: [] as MessageBoxRecord[],
  errorBoxes: [] as string[],
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  exposedInMainWorld: new Map<string, unknown>(),
  rendererInvokes: [] as string[],
  rendererPosts: [] as string[],
  /** Which button a message box "clicks", by its message; null clicks its cancel button. */
  answerMessageBox: ((): number | null => null) as (message: string, buttons: string[]) => number | null,
};

const paths = new Map<string, string>([['userData', path.join(process.cwd(), 'stand-in-user-data')]]);
let ready = false;

class StandInApp extends EventEmitter {
  name = 'Parley';
  isPackaged = false;
  setPath(name: string, value: string) {
    paths.set(name, value);
  }
  getPath(name: string) {
    return paths.get(name) ?? path.join(paths.get('userData') ?? '', name);
  }
  getVersion() {
    return '0.0.0-stand-in';
  }
  requestSingleInstanceLock() {
    return true;
  }
  whenReady() {
    ready = true;
    return Promise.resolve();
  }
  isReady() {
    return ready;
  }
  quit() {
    this.emit('will-quit');
  }
}

export class StandInWebContents extends EventEmitter {
  windowOpenHandler: Handler | null = null;
  reloads = 0;
  crashedByApp = 0;
  sent: unknown[] = [];
  url = '';
  setWindowOpenHandler(handler: Handler) {
    this.windowOpenHandler = handler;
  }
  reload() {
    this.reloads += 1;
  }
  forcefullyCrashRenderer() {
    this.crashedByApp += 1;
  }
  send(channel: string, ...args: unknown[]) {
    this.sent.push([channel, ...args]);
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return false;
  }
}

export class StandInBrowserWindow extends EventEmitter {
  static getAllWindows() {
    return record.windows;
  }
  readonly webContents = new StandInWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    record.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    this.webContents.url = url;
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
  isMinimized() {
    return false;
  }
  isMaximized() {
    return false;
  }
  getNormalBounds() {
    return { x: 0, y: 0, width: 1100, height: 760 };
  }
  maximize() {}
  restore() {}
  focus() {}
  show() {}
}

export const app = new StandInApp();
export const BrowserWindow = StandInBrowserWindow;

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    record.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response>) {
    record.protocolHandlers.set(scheme, handler);
  },
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: Handler) {
      record.permissionRequestHandler = handler;
    },
    setPermissionCheckHandler(handler: Handler) {
      record.permissionCheckHandler = handler;
    },
  },
};

const ipcEmitter = new EventEmitter();
export const ipcMain = {
  handle(channel: string, handler: Handler) {
    record.ipcHandlers.set(channel, handler);
  },
  on(channel: string, listener: Handler) {
    record.ipcListeners.set(channel, listener);
    ipcEmitter.on(channel, listener as (...args: unknown[]) => void);
  },
};

export const dialog = {
  async showMessageBox(first: unknown, second?: unknown) {
    const parented = second !== undefined;
    const options = (parented ? second : first) as { message: string; buttons: string[]; cancelId?: number; signal?: AbortSignal };
    record.messageBoxes.push({ message: options.message, buttons: options.buttons, parented });
    return { response: record.answerMessageBox(options.message, options.buttons) ?? options.cancelId ?? 0, checkboxChecked: false };
  },
  showErrorBox(title: string, content: string) {
    record.errorBoxes.push(`${title}: ${content}`);
  },
  async showSaveDialog() {
    return { canceled: true };
  },
  async showOpenDialog() {
    return { canceled: true, filePaths: [] };
  },
};

export const shell = {
  async openExternal(url: string) {
    record.openedExternally.push(url);
  },
  async openPath(folder: string) {
    record.openedPaths.push(folder);
    return '';
  },
};

export const screen = {
  getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
};

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu() {},
};

export const safeStorage = {
  isAsyncEncryptionAvailable: async () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptStringAsync: async (plain: string) => Buffer.from(`sealed:${plain}`),
  decryptStringAsync: async (data: Buffer) => ({ shouldReEncrypt: false, result: data.toString().replace(/^sealed:/, '') }),
};

/** The renderer side, for the preload bundle. */
export const contextBridge = {
  exposeInMainWorld(name: string, api: unknown) {
    record.exposedInMainWorld.set(name, api);
  },
};

export const ipcRenderer = {
  invoke(channel: string) {
    record.rendererInvokes.push(channel);
    return new Promise(() => undefined);
  },
  postMessage(channel: string) {
    record.rendererPosts.push(channel);
  },
  on() {},
  removeListener() {},
};

export default { app, BrowserWindow, protocol, session, ipcMain, dialog, shell, screen, Menu, safeStorage, contextBridge, ipcRenderer };
