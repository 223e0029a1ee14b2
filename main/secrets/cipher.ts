/** Encrypts the API key at rest. One adapter per runtime: Electron safeStorage, or in-memory. */
export interface Cipher {
  /** Where the encryption key lives, e.g. `keychain`, `gnome_libsecret`, `basic_text`, `memory`. */
  readonly backend: string;
  /** False when the ciphertext is only obfuscated (Linux without a keyring). */
  readonly isSecure: boolean;
  isAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<Buffer>;
  decrypt(cipher: Buffer): Promise<string>;
}
