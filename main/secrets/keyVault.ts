import { saveKeySchema, type KeyStatus } from '../../shared/ipc';
import { AppFailure } from '../appFailure';
import type { KeyValueStore } from '../settings/keyValueStore';
import type { Cipher } from './cipher';

/** Store key of the base64 ciphertext. The plaintext key is never written anywhere. */
export const CIPHERTEXT_KEY = 'apiKeyCiphertext';

/** Shorter keys get no hint: four characters would give away too much of them. */
const MIN_CHARS_FOR_HINT = 16;

/** KeyStatus.backend when the key comes from PARLEY_API_KEY and nothing is saved. */
export const ENV_BACKEND = 'environment';

export interface KeyVaultDeps {
  cipher: Cipher;
  store: KeyValueStore;
  /** PARLEY_API_KEY in web mode: used when no key is saved. */
  envKey?: string | null;
  /** The store key holding this vault's ciphertext; default CIPHERTEXT_KEY (the W&B key's slot since the first release). */
  slot?: string;
}

export interface KeyVault {
  status(): Promise<KeyStatus>;
  save(key: string, allowInsecure?: boolean): Promise<KeyStatus>;
  remove(): Promise<KeyStatus>;
  /** The key for requests: the saved one, else the environment's, else null. */
  read(): Promise<string | null>;
}

export const hintOf = (key: string): string | null => (key.length >= MIN_CHARS_FOR_HINT ? key.slice(-4) : null);

export function createKeyVault({ cipher, store, envKey, slot = CIPHERTEXT_KEY }: KeyVaultDeps): KeyVault {
  const fromEnv = envKey?.trim() || null;

  /**
   * Null when nothing is saved or the ciphertext no longer decrypts (keyring reset,
   * file copied from another machine, web mode restarted). The unreadable ciphertext
   * stays on disk until the next save or remove replaces it, so a keyring that comes
   * back (e.g. unlocked later) still finds it.
   */
  async function readSaved(): Promise<string | null> {
    const saved = store.get(slot);
    if (typeof saved !== 'string' || saved === '') return null;
    try {
      return (await cipher.decrypt(Buffer.from(saved, 'base64'))) || null;
    } catch (error) {
      // The cipher's error names the failure, never the key.
      console.warn('The saved API key could not be decrypted:', error instanceof Error ? error.message : error);
      return null;
    }
  }

  async function status(): Promise<KeyStatus> {
    const saved = await readSaved();
    if (saved) return { hasKey: true, hint: hintOf(saved), backend: cipher.backend, secure: cipher.isSecure };
    // Parley stores nothing for an environment key, so there is nothing to leak.
    if (fromEnv) return { hasKey: true, hint: hintOf(fromEnv), backend: ENV_BACKEND, secure: true };
    return { hasKey: false, hint: null, backend: cipher.backend, secure: cipher.isSecure };
  }

  async function save(key: string, allowInsecure?: boolean): Promise<KeyStatus> {
    // The contract's schema trims and bounds the key; its messages never echo the input.
    const parsed = saveKeySchema.safeParse({ key, allowInsecure });
    if (!parsed.success) {
      const reasons = parsed.error.issues.map((issue) => issue.message).join('; ');
      throw new AppFailure({ code: 'invalid-request', message: `The API key was not saved: ${reasons}.` });
    }
    if (!(await cipher.isAvailable())) {
      throw new AppFailure({
        code: 'internal',
        message:
          'The API key was not saved: this system offers no way to encrypt it. ' +
          'Check that your keychain or keyring service is running, then restart Parley and try again.',
      });
    }
    if (!cipher.isSecure && parsed.data.allowInsecure !== true) {
      throw new AppFailure({
        code: 'insecure-storage',
        message:
          `No OS keyring is available (storage backend: ${cipher.backend}), so Parley could store your API key ` +
          'only obfuscated, readable by anyone who can read your files. To store it securely, install or unlock ' +
          'GNOME Keyring or KWallet and restart Parley. Do you want to store the key without a keyring anyway?',
      });
    }
    const ciphertext = await cipher.encrypt(parsed.data.key);
    store.set(slot, ciphertext.toString('base64'));
    return status();
  }

  async function remove(): Promise<KeyStatus> {
    store.delete(slot);
    return status();
  }

  async function read(): Promise<string | null> {
    return (await readSaved()) ?? fromEnv;
  }

  return { status, save, remove, read };
}
