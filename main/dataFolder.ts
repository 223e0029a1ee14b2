/**
 * Opens everything Parley keeps in its data folder: settings, the encrypted key and the
 * history. The Electron entry and web mode both call this; only how a store file is opened
 * differs (electron-store or conf).
 */
import type { Notice } from '../preload/contract';
import type { HistoryStore } from './history/historyStore';
import { openHistory } from './history/openHistory';
import type { KeyValueStore } from './settings/keyValueStore';
import type { OpenedStore } from './settings/openStoreFile';

export interface DataFolder {
  settingsStore: KeyValueStore;
  secretsStore: KeyValueStore;
  history: HistoryStore;
  /** What went wrong on the way in (a file moved aside…), to tell the user once. */
  notices: Notice[];
}

export async function openDataFolder(
  dataDir: string,
  openStore: (dataDir: string, name: 'config' | 'secrets') => OpenedStore<KeyValueStore>,
  nativeBinding?: string,
): Promise<DataFolder> {
  const settingsFile = openStore(dataDir, 'config');
  const secretsFile = openStore(dataDir, 'secrets');
  const history = await openHistory(nativeBinding === undefined ? { dataDir } : { dataDir, nativeBinding });
  const notices = [settingsFile.notice, secretsFile.notice, ...history.notices].filter((notice): notice is Notice => notice !== null);
  return { settingsStore: settingsFile.store, secretsStore: secretsFile.store, history: history.store, notices };
}
