/**
 * The main window, locked down: isolated, sandboxed, no Node, no navigation, no new
 * windows; http(s) and mailto links go to the system browser after validation.
 */
import { BrowserWindow, screen, shell, type WebContents } from 'electron';
import { safeExternalUrl } from '../links/externalUrl';
import type { KeyValueStore } from '../settings/keyValueStore';
import { loadWindowBounds, saveWindowBounds } from './windowState';

export function lockDownContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  contents.setWindowOpenHandler(({ url }) => {
    const safe = safeExternalUrl(url);
    if (safe) void shell.openExternal(safe);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export function createMainWindow(options: { preload: string; url: string; stateStore: KeyValueStore }): BrowserWindow {
  const bounds = loadWindowBounds(options.stateStore, screen.getAllDisplays().map((d) => d.workArea));
  const window = new BrowserWindow({
    ...bounds,
    minWidth: 480,
    minHeight: 360,
    title: 'Parley',
    show: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: true,
    },
  });
  if (bounds.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed()) return;
    saveWindowBounds(options.stateStore, { ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);

  void window.loadURL(options.url);
  return window;
}
