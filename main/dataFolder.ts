/**
 * Opens everything Parley keeps in its data folder: settings, the encrypted key and the
 * history. The Electron entry and web mode both call this; only how a store file is opened
 * differs (electron-store or conf).
 */
import type { Notice } from '../shared/ipc';
import { AppFailure } from './appFailure';
import type { HistoryStore } from './history/historyStore';
import { openHistory, type OpenHistoryOptions } from './history/openHistory';
import { restoreBackup } from './history/restoreBackup';
import { createSwappableStore } from './history/swappableStore';
import { createCachedStore } from './settings/cachedStore';
import type { KeyValueStore } from './settings/keyValueStore';
import type { OpenedStore } from './settings/openStoreFile';

export interface DataFolder {
  settingsStore: KeyValueStore;
  secretsStore: KeyValueStore;
  history: HistoryStore;
  /** What went wrong on the way in (a file moved aside…), to tell the user once. */
  notices: Notice[];
  /** Swaps the open history for one of its backups; on failure the current one stays open. */
  restoreHistoryBackup(backupFile: string): Promise<void>;
}

export async function openDataFolder(
  dataDir: string,
  openStore: (dataDir: string, name: 'config' | 'secrets') => OpenedStore<KeyValueStore>,
  nativeBinding?: string,
): Promise<DataFolder> {
  const settingsFile = openStore(dataDir, 'config');
  const secretsFile = openStore(dataDir, 'secrets');
  const historyOptions: OpenHistoryOptions = nativeBinding === undefined ? { dataDir } : { dataDir, nativeBinding };
  const opened = await openHistory(historyOptions);
  const history = createSwappableStore(opened.store);
  const notices = [settingsFile.notice, secretsFile.notice, ...opened.notices].filter((notice): notice is Notice => notice !== null);

  return {
    settingsStore: createCachedStore(settingsFile.store),
    secretsStore: createCachedStore(secretsFile.store),
    history: history.store,
    notices,
    async restoreHistoryBackup(backupFile) {
      history.store.close();
      try {
        history.swap((await restoreBackup(dataDir, backupFile, nativeBinding === undefined ? {} : { nativeBinding })).store);
      } catch (error) {
        history.swap((await openHistory(historyOptions)).store);
        throw new AppFailure({
          code: 'internal',
          message: `That backup could not be restored (${error instanceof Error ? error.message : String(error)}). Your current history is unchanged.`,
        });
      }
    },
  };
}
