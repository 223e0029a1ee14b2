/**
 * Electron entry: lifecycle only. Everything with logic lives in services that also run
 * without Electron (web mode, tests); this file wires them to Electron's adapters.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron';
import { APP_ORIGIN, appSchemePrivileges, serveAppProtocol } from './electron/appProtocol';
import { openElectronStore } from './electron/electronStores';
import { createElectronDialogs } from './electron/electronDialogs';
import { createMainWindow, lockDownContents } from './electron/window';
import { registerIpc } from './ipc/electronIpc';
import { originOf } from './ipc/trustedSender';
import { createSafeStorageCipher } from './secrets/safeStorageCipher';
import { openDataFolder, type DataFolder } from './dataFolder';
import { startupFailureMessage } from './appFailure';
import { electronNativeBinding } from './history/nativeBinding';
import { createAppRouter } from './services';
import { readDataDirOverride } from './electron/dataDirOverride';
import { openAppLog } from './logging/appLog';
import { createFaultLog } from './logging/faultLog';
import { createFaultRecovery } from './electron/faultRecovery';
import { installApplicationMenu, sendAppCommand } from './electron/menuSetup';
import { createSettingsService } from './settings/settingsService';
import { startAutoUpdates } from './updates/autoUpdate';
import { loadElectronUpdater } from './updates/electronUpdater';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The app's root (dist-electron/main/ is two levels down), where `native/` builds live in development. */
const appRoot = path.join(here, '../..');
const rendererDir = path.join(appRoot, 'dist/renderer');
const preloadFile = path.join(here, '../preload/index.cjs');
const devServerUrl = process.env.VITE_DEV_SERVER_URL;

const dataDirOverride = readDataDirOverride(process.argv, process.env);
if (dataDirOverride) app.setPath('userData', dataDirOverride);
// From here on main's console goes, redacted, to <data folder>/logs/parley.log, and so do the
// faults nobody caught, crashed or hung windows and the page's console errors and warnings.
const appLog = openAppLog(app.getPath('userData'));
let mainWindow: BrowserWindow | null = null;
const faultRecovery = createFaultRecovery({
  faults: createFaultLog(appLog.logger),
  app,
  dialog,
  shell,
  dataDir: app.getPath('userData'),
  window: () => mainWindow,
});
faultRecovery.watchProcess(process);

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);

const trustedOrigins = (): string[] => (devServerUrl ? [APP_ORIGIN, new URL(devServerUrl).origin] : [APP_ORIGIN]);
const isAppUrl = (url: string): boolean => trustedOrigins().includes(originOf(url) ?? '');

function showWindow(url: string, stateStore: Parameters<typeof createMainWindow>[0]['stateStore']): void {
  mainWindow = createMainWindow({ preload: preloadFile, url, stateStore });
  faultRecovery.watchWindow(mainWindow);
  mainWindow.on('closed', () => (mainWindow = null));
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl));

  void app.whenReady().then(async () => {
    const dataDir = app.getPath('userData');
    // Nothing else the page asks for (camera, notifications, geolocation…) is granted.
    // Writing text to the clipboard ("Copy", "Copy code") is allowed, and only for the app's own page.
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
      callback(permission === 'clipboard-sanitized-write' && isAppUrl(contents.getURL())),
    );
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
      permission === 'clipboard-sanitized-write' && isAppUrl(requestingOrigin),
    );
    serveAppProtocol(protocol, rendererDir);

    let folder: DataFolder;
    try {
      folder = await openDataFolder(dataDir, openElectronStore, electronNativeBinding(appRoot, app.isPackaged));
    } catch (error) {
      // A failed history migration has already restored its backup: say so, and do not run on half a database.
      console.error('[parley] could not start:', error instanceof Error ? error.message : error);
      dialog.showErrorBox('Parley could not start', startupFailureMessage(error, dataDir));
      app.quit();
      return;
    }
    app.on('will-quit', () => folder.history.close());
    const stallTimeoutMs = Number(process.env.PARLEY_STALL_TIMEOUT_MS) || undefined;
    const settings = createSettingsService(folder.settingsStore);
    const updates = startAutoUpdates({
      packaged: app.isPackaged,
      enabled: () => settings.get().autoUpdate,
      loadUpdater: loadElectronUpdater,
      onReady: () => sendAppCommand(mainWindow, 'update-ready'),
    });
    app.on('will-quit', () => updates.stop());
    installApplicationMenu({ Menu, shell, appName: app.name, dataDir, development: devServerUrl !== undefined, window: () => mainWindow });

    const router = createAppRouter({
      ...folder,
      dataDir,
      cipher: createSafeStorageCipher(safeStorage, process.platform),
      openExternal: async (url) => {
        await shell.openExternal(url);
        return true;
      },
      dialogs: createElectronDialogs({ dialog, window: () => mainWindow, defaultFolder: app.getPath('documents') }),
      ...(stallTimeoutMs === undefined ? {} : { stallTimeoutMs }),
      ...(process.env.PARLEY_BASE_URL ? { baseURL: process.env.PARLEY_BASE_URL } : {}),
      ...(process.env.PARLEY_MODEL_CATALOG_ORIGIN ? { modelCatalogOrigin: process.env.PARLEY_MODEL_CATALOG_ORIGIN } : {}),
      rememberSecret: appLog.rememberSecret,
      openFolder: async (folder) => (await shell.openPath(folder)) === '',
      updates,
    });
    registerIpc(ipcMain, router, trustedOrigins, () => mainWindow?.webContents ?? null);
    stopToolServersOnQuit(router);

    const url = devServerUrl ?? `${APP_ORIGIN}/index.html`;
    showWindow(url, folder.settingsStore);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow(url, folder.settingsStore);
    });
  });

  /** MCP servers are child processes (or sessions) of Parley: they end with it. Quitting waits for them (the router bounds the wait). */
  function stopToolServersOnQuit(router: { shutdown(): Promise<void> }): void {
    let stopped = false;
    app.on('before-quit', (event) => {
      if (stopped) return;
      event.preventDefault();
      stopped = true;
      void router.shutdown().finally(() => app.quit());
    });
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
