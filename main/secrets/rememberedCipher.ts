import { setWithin } from '../../shared/boundedMap';
import type { Cipher } from './cipher';

/** More ciphertexts than a person has keys and tool-server secrets; past it the oldest is decrypted again when next read. */
const REMEMBERED = 32;

/**
 * A cipher that decrypts each ciphertext once per run. Every send reads its endpoint's key on its
 * way out, and each read was a decryption: a trip to safeStorage (the OS keyring's key) in the app,
 * a few tenths of a millisecond of AES in web mode. What is kept here is what each request already
 * holds while it runs, in main's memory only; nothing in it is logged, written or sent to the page.
 * Only a decryption that succeeded is kept, so a keyring that fails is asked again next time.
 */
export function rememberDecrypted(cipher: Cipher): Cipher {
  const plainByCiphertext = new Map<string, string>();
  return {
    // Getters: safeStorage learns its backend only once the app is ready.
    get backend() {
      return cipher.backend;
    },
    get isSecure() {
      return cipher.isSecure;
    },
    isAvailable: () => cipher.isAvailable(),
    encrypt: (plain) => cipher.encrypt(plain),
    async decrypt(data) {
      const ciphertext = data.toString('base64');
      const known = plainByCiphertext.get(ciphertext);
      if (known !== undefined) return known;
      const plain = await cipher.decrypt(data);
      setWithin(plainByCiphertext, ciphertext, plain, REMEMBERED);
      return plain;
    },
  };
}
