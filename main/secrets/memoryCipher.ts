import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Cipher } from './cipher';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Real AES-256-GCM with a random key that exists only in this process: web mode
 * and tests get true encryption at rest, and a saved key is unreadable after a restart.
 * Layout: iv (12 bytes) | auth tag (16 bytes) | ciphertext.
 */
export function createMemoryCipher(): Cipher {
  const key = randomBytes(32);
  return {
    backend: 'memory',
    isSecure: true,
    isAvailable: async () => true,
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const decipher = createDecipheriv(ALGORITHM, key, data.subarray(0, IV_BYTES));
      decipher.setAuthTag(data.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(data.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
