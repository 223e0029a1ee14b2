/** The `Updater` port on electron-updater, which reads the GitHub release feed electron-builder publishes. */
import type { Updater } from './autoUpdate';

export async function loadElectronUpdater(): Promise<Updater> {
  // A CommonJS package: its exports arrive as the default export of the dynamic import.
  const { autoUpdater } = (await import('electron-updater')).default;
  return {
    check: () => autoUpdater.checkForUpdates(),
    install: () => autoUpdater.quitAndInstall(),
    onDownloaded: (listener) => void autoUpdater.on('update-downloaded', (info) => listener(info.version)),
    onError: (listener) => void autoUpdater.on('error', listener),
  };
}
