/**
 * The endpoint list and its keys, with real conf files in a temp folder and the memory cipher
 * (real AES-GCM): what is written, what survives a restart, what the page may see.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_BASE_URL } from '../../../../shared/ipc';
import { AppFailure } from '../../../../main/appFailure';
import { createEndpointStore, type EndpointStore } from '../../../../main/endpoints/endpointStore';
import type { Cipher } from '../../../../main/secrets/cipher';
import { CIPHERTEXT_KEY, createKeyVault } from '../../../../main/secrets/keyVault';
import { createMemoryCipher } from '../../../../main/secrets/memoryCipher';
import { createConfStore } from '../../../../main/settings/createConfStore';
import { createSettingsService } from '../../../../main/settings/settingsService';

const WANDB_KEY = 'wandb-0123456789abcdef0123456789abcdef';
const LOCAL_KEY = 'sk-local-fedcba9876543210fedcba98';
const OLLAMA = { name: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', project: '' };

let dataDir: string;
let cipher: Cipher;

/**
 * The store as the app opens it at start; called again, it is a restart on the same files.
 * `settingsStore`: the settings file as the rest of the app holds it, to change a setting as the page does.
 */
function open(envKey: string | null = null, settingsStore = createConfStore(dataDir, 'config').store): EndpointStore {
  return createEndpointStore({ settings: createSettingsService(settingsStore), store: settingsStore, secretsStore: createConfStore(dataDir, 'secrets').store, cipher, envKey });
}

async function failureOf(run: () => Promise<unknown>): Promise<string> {
  const error = await run().then(() => null, (thrown: unknown) => thrown);
  if (error instanceof AppFailure) return error.message;
  throw new Error('expected an AppFailure');
}

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'parley-endpoints-'));
  cipher = createMemoryCipher();
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('endpoints', () => {
  it('starts with the built-in W&B endpoint alone', async () => {
    expect(await open().list()).toEqual([
      { id: 'wandb', name: 'W&B Inference', baseURL: DEFAULT_BASE_URL, project: '', builtIn: true, key: { hasKey: false, hint: null, backend: 'memory', secure: true } },
    ]);
  });

  it('keeps an added endpoint after a restart, its key encrypted and never listed', async () => {
    const added = await open().add({ ...OLLAMA, baseURL: ' http://127.0.0.1:11434/v1/ ' }, { key: LOCAL_KEY });
    expect(added).toMatchObject({ name: 'Ollama', baseURL: 'http://127.0.0.1:11434/v1', builtIn: false, key: { hasKey: true, hint: 'ba98' } });

    const restarted = open();
    expect((await restarted.list()).map((endpoint) => endpoint.name)).toEqual(['W&B Inference', 'Ollama']);
    expect(JSON.stringify(await restarted.list())).not.toContain(LOCAL_KEY);
    expect((await restarted.resolve(added.id)).apiKey).toBe(LOCAL_KEY);

    const secrets = readFileSync(join(dataDir, 'secrets.json'), 'utf8');
    expect(secrets).not.toContain(LOCAL_KEY);
    expect(readFileSync(join(dataDir, 'config.json'), 'utf8')).not.toContain(LOCAL_KEY);
  });

  it('reads the W&B key from the slot it always had, so nobody enters it again', async () => {
    await createKeyVault({ cipher, store: createConfStore(dataDir, 'secrets').store }).save(WANDB_KEY);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'))).toHaveProperty(CIPHERTEXT_KEY);
    const endpoints = open();
    expect(await endpoints.resolve('wandb')).toEqual({ id: 'wandb', baseURL: DEFAULT_BASE_URL, project: '', apiKey: WANDB_KEY, keyOptional: false });
    expect((await endpoints.list())[0]?.key).toMatchObject({ hasKey: true, hint: 'cdef' });
  });

  it('keeps each key in its own slot: the W&B key and PARLEY_API_KEY never serve another endpoint', async () => {
    const endpoints = open('env-wandb-key-0123456789');
    const keyless = await endpoints.add(OLLAMA);
    const keyed = await endpoints.add({ ...OLLAMA, name: 'LM Studio' }, { key: LOCAL_KEY });
    await endpoints.keyVault('wandb').save(WANDB_KEY);

    expect(await endpoints.resolve(keyless.id)).toMatchObject({ apiKey: null, keyOptional: true });
    expect(keyless.key.hasKey).toBe(false);
    expect((await endpoints.resolve(keyed.id)).apiKey).toBe(LOCAL_KEY);
    expect((await endpoints.resolve('wandb')).apiKey).toBe(WANDB_KEY);

    await endpoints.keyVault(keyed.id).remove();
    expect((await endpoints.resolve(keyed.id)).apiKey).toBeNull();
    expect((await endpoints.resolve('wandb')).apiKey).toBe(WANDB_KEY);
  });

  it('edits an endpoint; the built-in one keeps its name and takes its URL and project from the settings', async () => {
    const endpoints = open();
    const added = await endpoints.add(OLLAMA);
    expect(await endpoints.update(added.id, { name: 'Ollama (laptop)', project: ' team/x ' })).toMatchObject({ name: 'Ollama (laptop)', project: 'team/x', baseURL: OLLAMA.baseURL });

    await endpoints.update('wandb', { baseURL: 'http://127.0.0.1:5300/v1', project: 'acme/chat' });
    expect((await open().list())[0]).toMatchObject({ name: 'W&B Inference', baseURL: 'http://127.0.0.1:5300/v1', project: 'acme/chat' });
    expect(await failureOf(() => endpoints.update('wandb', { name: 'Mine' }))).toBe('The built-in endpoint keeps its name, “W&B Inference”.');
  });

  it('refuses a second endpoint with the same name, and changes nothing', async () => {
    const endpoints = open();
    await endpoints.add(OLLAMA);
    expect(await failureOf(() => endpoints.add({ ...OLLAMA, name: 'ollama' }, { key: LOCAL_KEY }))).toBe('An endpoint named “ollama” already exists. Choose another name.');
    expect(await failureOf(() => endpoints.add({ ...OLLAMA, name: 'w&b inference' }))).toContain('already exists');
    expect(await endpoints.list()).toHaveLength(2);
    // The refused endpoint's key was never stored.
    expect(existsSync(join(dataDir, 'secrets.json'))).toBe(false);
  });

  it('removes an added endpoint with its key; its conversations are refused, never sent to the built-in one', async () => {
    const settingsStore = createConfStore(dataDir, 'config').store;
    const endpoints = open(null, settingsStore);
    const added = await endpoints.add(OLLAMA, { key: LOCAL_KEY });
    createSettingsService(settingsStore).update({ defaultEndpointId: added.id });

    expect(await endpoints.remove(added.id)).toEqual({ removed: true });
    expect(await endpoints.remove(added.id)).toEqual({ removed: false });
    expect((await open().list()).map((endpoint) => endpoint.id)).toEqual(['wandb']);
    expect(JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'))).toEqual({});
    expect(createSettingsService(createConfStore(dataDir, 'config').store).get().defaultEndpointId).toBe('wandb');
    await expect(endpoints.resolve(added.id)).rejects.toMatchObject({ appError: { code: 'endpoint-missing' } });
    expect(await endpoints.resolve('')).toMatchObject({ id: 'wandb', baseURL: DEFAULT_BASE_URL });
    expect(await failureOf(() => endpoints.remove('wandb'))).toBe('W&B Inference is built in and cannot be removed.');
  });

  it('translates between ids and base URLs for exports and imports', async () => {
    const endpoints = open();
    const added = await endpoints.add(OLLAMA);
    expect(endpoints.baseURLOf(added.id)).toBe(OLLAMA.baseURL);
    expect(endpoints.baseURLOf('wandb')).toBe(DEFAULT_BASE_URL);
    expect(endpoints.idOf(`${OLLAMA.baseURL}/`)).toBe(added.id);
    // An address no endpoint has is kept, so exporting the import again says the same.
    expect(endpoints.idOf('https://api.example.com/v1')).toBe('https://api.example.com/v1');
    expect(endpoints.baseURLOf('https://api.example.com/v1')).toBe('https://api.example.com/v1');
    expect(endpoints.idOf('')).toBe('');
  });
});
