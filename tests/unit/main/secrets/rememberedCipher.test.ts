import { describe, expect, it, vi } from 'vitest';
import type { Cipher } from '../../../../main/secrets/cipher';
import { createMemoryCipher } from '../../../../main/secrets/memoryCipher';
import { rememberDecrypted } from '../../../../main/secrets/rememberedCipher';

/** The real AES cipher, with its decryptions counted. */
function countedCipher(): { cipher: Cipher; decryptions: () => number } {
  const cipher = createMemoryCipher();
  const decrypt = vi.spyOn(cipher, 'decrypt');
  return { cipher, decryptions: () => decrypt.mock.calls.length };
}

describe('a cipher that remembers what it decrypted', () => {
  it('decrypts a ciphertext once, and each ciphertext to its own text', async () => {
    const { cipher, decryptions } = countedCipher();
    const remembered = rememberDecrypted(cipher);
    const first = await remembered.encrypt('key-one-0123456789abcdef');
    const second = await remembered.encrypt('key-two-0123456789abcdef');
    for (let read = 0; read < 3; read++) {
      expect(await remembered.decrypt(first)).toBe('key-one-0123456789abcdef');
      expect(await remembered.decrypt(Buffer.from(second))).toBe('key-two-0123456789abcdef');
    }
    expect(decryptions()).toBe(2);
  });

  it('asks again after a decryption that failed, and keeps nothing of it', async () => {
    const { cipher, decryptions } = countedCipher();
    const remembered = rememberDecrypted(cipher);
    const ciphertext = await remembered.encrypt('a key');
    const tampered = Buffer.from(ciphertext);
    tampered[tampered.length - 1] = (tampered.at(-1) ?? 0) ^ 0xff;
    await expect(remembered.decrypt(tampered)).rejects.toThrow();
    await expect(remembered.decrypt(tampered)).rejects.toThrow();
    expect(decryptions()).toBe(2);
    expect(await remembered.decrypt(ciphertext)).toBe('a key');
  });

  it('keeps a bounded number: past it the oldest is decrypted again, still to the right text', async () => {
    const { cipher, decryptions } = countedCipher();
    const remembered = rememberDecrypted(cipher);
    const ciphertexts = await Promise.all(Array.from({ length: 40 }, (_, n) => remembered.encrypt(`key ${n}`)));
    for (const ciphertext of ciphertexts) await remembered.decrypt(ciphertext);
    expect(decryptions()).toBe(40);
    expect(await remembered.decrypt(ciphertexts[39] as Buffer)).toBe('key 39');
    expect(decryptions()).toBe(40);
    expect(await remembered.decrypt(ciphertexts[0] as Buffer)).toBe('key 0');
    expect(decryptions()).toBe(41);
  });

  it('reports the backend it wraps, read live (safeStorage knows it only once the app is ready)', () => {
    let backend = 'unknown';
    const wrapped: Cipher = {
      ...createMemoryCipher(),
      get backend() {
        return backend;
      },
      get isSecure() {
        return backend !== 'unknown';
      },
    };
    const remembered = rememberDecrypted(wrapped);
    expect([remembered.backend, remembered.isSecure]).toEqual(['unknown', false]);
    backend = 'gnome_libsecret';
    expect([remembered.backend, remembered.isSecure]).toEqual(['gnome_libsecret', true]);
  });
});
