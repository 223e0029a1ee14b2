import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppFailure } from '../../../../main/appFailure';
import type { Cipher } from '../../../../main/secrets/cipher';
import { CIPHERTEXT_KEY, createKeyVault, type KeyVaultDeps } from '../../../../main/secrets/keyVault';
import { createMemoryCipher } from '../../../../main/secrets/memoryCipher';
import { createConfStore } from '../../../../main/settings/createConfStore';

const KEY = 'wandb-0123456789abcdef0123456789abcdef';

let dataDir: string;
const secretsFile = () => readFileSync(join(dataDir, 'secrets.json'), 'utf8');
const openStore = () => createConfStore(dataDir, 'secrets').store;
const vaultWith = (deps: Partial<KeyVaultDeps> = {}) =>
  createKeyVault({ cipher: createMemoryCipher(), store: openStore(), ...deps });

async function failureOf(run: () => Promise<unknown>): Promise<AppFailure> {
  const error = await run().then(
    () => new Error('expected an AppFailure'),
    (thrown: unknown) => thrown,
  );
  if (error instanceof AppFailure) return error;
  throw error;
}

/** A Linux machine without a keyring: same encryption, but only obfuscation in Electron. */
const noKeyring = (): Cipher => ({ ...createMemoryCipher(), backend: 'basic_text', isSecure: false });

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-secrets-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('key vault', () => {
  it('saves, reports, reads and removes a key', async () => {
    const vault = vaultWith();
    expect(await vault.status()).toEqual({ hasKey: false, hint: null, backend: 'memory', secure: true });
    expect(await vault.read()).toBeNull();

    expect(await vault.save(`  ${KEY}\n`)).toEqual({ hasKey: true, hint: 'cdef', backend: 'memory', secure: true });
    expect(await vault.read()).toBe(KEY);

    expect(await vault.remove()).toEqual({ hasKey: false, hint: null, backend: 'memory', secure: true });
    expect(await vault.read()).toBeNull();
    expect(JSON.parse(secretsFile())).not.toHaveProperty(CIPHERTEXT_KEY);
  });

  it('writes only ciphertext to disk, readable again after the store is reopened', async () => {
    const cipher = createMemoryCipher();
    await createKeyVault({ cipher, store: openStore() }).save(KEY);

    const file = secretsFile();
    expect(file).not.toContain(KEY);
    expect(file).not.toContain(Buffer.from(KEY).toString('base64'));
    expect(JSON.parse(file)[CIPHERTEXT_KEY]).toEqual(expect.any(String));
    expect(await createKeyVault({ cipher, store: openStore() }).read()).toBe(KEY);
  });

  it('shows no hint for a key so short that four characters would give most of it away', async () => {
    expect((await vaultWith().save('short-key')).hint).toBeNull();
  });

  it('rejects an empty key without storing anything', async () => {
    const vault = vaultWith();
    const failure = await failureOf(() => vault.save('   '));
    expect(failure.appError).toEqual({ code: 'invalid-request', message: 'The API key was not saved: the key is empty.' });
    expect((await vault.status()).hasKey).toBe(false);
  });

  it('asks for consent before storing a key without an OS keyring, then stores it', async () => {
    const vault = vaultWith({ cipher: noKeyring() });
    const failure = await failureOf(() => vault.save(KEY));
    expect(failure.appError.code).toBe('insecure-storage');
    expect(failure.appError.message).toMatch(/No OS keyring is available/);
    expect(failure.appError.message).toMatch(/GNOME Keyring or KWallet/);
    expect(failure.appError.message).toMatch(/only obfuscated/);
    expect(failure.appError.message).not.toContain(KEY);
    expect((await vault.status()).hasKey).toBe(false);

    expect(await vault.save(KEY, true)).toEqual({ hasKey: true, hint: 'cdef', backend: 'basic_text', secure: false });
    expect(await vault.read()).toBe(KEY);
  });

  it('says clearly when the system cannot encrypt at all', async () => {
    const vault = vaultWith({ cipher: { ...createMemoryCipher(), isAvailable: async () => false } });
    const failure = await failureOf(() => vault.save(KEY));
    expect(failure.appError.code).toBe('internal');
    expect(failure.appError.message).toMatch(/no way to encrypt it/);
    expect((await vault.status()).hasKey).toBe(false);
  });

  it('reports no key when the saved one no longer decrypts, and a new save replaces it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await vaultWith().save(KEY);
    // A different process key: what a reset keyring looks like.
    const vault = vaultWith();

    expect(await vault.status()).toEqual({ hasKey: false, hint: null, backend: 'memory', secure: true });
    expect(await vault.read()).toBeNull();
    expect(JSON.parse(secretsFile())).toHaveProperty(CIPHERTEXT_KEY);
    expect(JSON.stringify(warn.mock.calls)).not.toContain(KEY);

    const replacement = 'wandb-fedcba9876543210fedcba9876543210';
    expect((await vault.save(replacement)).hint).toBe('3210');
    expect(await vault.read()).toBe(replacement);
  });

  it('falls back to the environment key when nothing is saved', async () => {
    const envKey = 'env-key-0123456789abcdefWXYZ';
    const vault = vaultWith({ envKey: `  ${envKey} ` });
    expect(await vault.status()).toEqual({ hasKey: true, hint: 'WXYZ', backend: 'environment', secure: true });
    expect(await vault.read()).toBe(envKey);

    await vault.save(KEY);
    expect(await vault.read()).toBe(KEY);
    expect((await vault.status()).backend).toBe('memory');

    await vault.remove();
    expect(await vault.read()).toBe(envKey);
    expect(await vaultWith({ envKey: '   ' }).read()).toBeNull();
  });
});
