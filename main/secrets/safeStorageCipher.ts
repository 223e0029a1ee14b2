import type { SafeStorage } from 'electron';
import type { Cipher } from './cipher';

export type SafeStorageApi = Pick<
  SafeStorage,
  'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'
>;

/** `basic_text` uses a fixed password; `unknown` means asked before app `ready`, so nothing is known. */
const OBFUSCATING_BACKENDS = new Set(['basic_text', 'unknown']);

/**
 * Electron's safeStorage behind the Cipher port. The object is passed in, so this
 * file never loads Electron. Uses the async API: the sync one is deprecated in Electron 45.
 */
export function createSafeStorageCipher(safeStorage: SafeStorageApi, platform: NodeJS.Platform): Cipher {
  // Getters: on Linux the backend is only known after app `ready`, so read it live.
  const backend = (): string => {
    if (platform === 'darwin') return 'keychain';
    if (platform === 'win32') return 'dpapi';
    return safeStorage.getSelectedStorageBackend();
  };
  return {
    get backend() {
      return backend();
    },
    get isSecure() {
      return !OBFUSCATING_BACKENDS.has(backend());
    },
    isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    encrypt: (plain) => safeStorage.encryptStringAsync(plain),
    async decrypt(data) {
      return (await safeStorage.decryptStringAsync(data)).result;
    },
  };
}
