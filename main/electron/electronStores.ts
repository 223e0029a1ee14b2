/**
 * Settings and secrets files through electron-store, in the app's data folder. A corrupt
 * file is moved aside (never reset in place) and the user is told.
 */
import path from 'node:path';
import Store from 'electron-store';
import type { Notice } from '../../shared/ipc';
import type { KeyValueStore } from '../settings/keyValueStore';
import { openStoreFile } from '../settings/openStoreFile';

export function openElectronStore(dataDir: string, name: 'config' | 'secrets'): { store: KeyValueStore; notice: Notice | null } {
  return openStoreFile(
    path.join(dataDir, `${name}.json`),
    // The secrets file holds ciphertext only, but still: readable by this user alone.
    () => new Store<Record<string, unknown>>({ name, cwd: dataDir, clearInvalidConfig: false, configFileMode: 0o600 }),
  );
}
