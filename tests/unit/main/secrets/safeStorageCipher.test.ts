import { describe, expect, it } from 'vitest';
import { createSafeStorageCipher, type SafeStorageApi } from '../../../../main/secrets/safeStorageCipher';

type LinuxBackend = ReturnType<SafeStorageApi['getSelectedStorageBackend']>;

/** Electron cannot run here: a stand-in with only the async API, recording what is called. */
function fakeSafeStorage(initial: { backend?: LinuxBackend; available?: boolean } = {}) {
  const state = { backend: initial.backend ?? 'gnome_libsecret', available: initial.available ?? true };
  const calls: string[] = [];
  const api: SafeStorageApi = {
    async isAsyncEncryptionAvailable() {
      calls.push('isAsyncEncryptionAvailable');
      return state.available;
    },
    async encryptStringAsync(plain) {
      calls.push('encryptStringAsync');
      return Buffer.from(plain, 'utf8').reverse();
    },
    async decryptStringAsync(encrypted) {
      calls.push('decryptStringAsync');
      return { result: Buffer.from(encrypted).reverse().toString('utf8'), shouldReEncrypt: false };
    },
    getSelectedStorageBackend: () => state.backend,
  };
  return { api, state, calls };
}

describe('safeStorage cipher', () => {
  it.each([
    ['darwin', 'keychain'],
    ['win32', 'dpapi'],
  ] as const)('names the %s backend %s and treats it as secure', (platform, backend) => {
    const cipher = createSafeStorageCipher(fakeSafeStorage({ backend: 'basic_text' }).api, platform);
    expect(cipher.backend).toBe(backend);
    expect(cipher.isSecure).toBe(true);
  });

  it.each([
    ['gnome_libsecret', true],
    ['kwallet', true],
    ['kwallet5', true],
    ['kwallet6', true],
    ['basic_text', false],
    ['unknown', false],
  ] as const)('on Linux reports the %s backend, secure: %s', (backend, secure) => {
    const cipher = createSafeStorageCipher(fakeSafeStorage({ backend }).api, 'linux');
    expect(cipher.backend).toBe(backend);
    expect(cipher.isSecure).toBe(secure);
  });

  it('reads the Linux backend live, since it is unknown until the app is ready', () => {
    const fake = fakeSafeStorage({ backend: 'unknown' });
    const cipher = createSafeStorageCipher(fake.api, 'linux');
    expect(cipher.isSecure).toBe(false);
    fake.state.backend = 'kwallet6';
    expect(cipher.backend).toBe('kwallet6');
    expect(cipher.isSecure).toBe(true);
  });

  it('encrypts, decrypts and checks availability through the async API', async () => {
    const fake = fakeSafeStorage({ available: false });
    const cipher = createSafeStorageCipher(fake.api, 'linux');

    expect(await cipher.isAvailable()).toBe(false);
    const encrypted = await cipher.encrypt('secret-key');
    expect(encrypted.toString('utf8')).not.toBe('secret-key');
    expect(await cipher.decrypt(encrypted)).toBe('secret-key');
    expect(fake.calls).toEqual(['isAsyncEncryptionAvailable', 'encryptStringAsync', 'decryptStringAsync']);
  });
});
