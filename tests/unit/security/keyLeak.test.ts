/**
 * A whole session with a distinctive key, then a scan of everything the key could leak into:
 * every frame the page received, error messages, exports and backups, the logs, every file in the
 * data folder, and what the server received. Only the Authorization header may carry it.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatEvent, Envelope, FolderExportStatus } from '../../../shared/ipc';
import { createKeyVault } from '../../../main/secrets/keyVault';
import { createMemoryCipher } from '../../../main/secrets/memoryCipher';
import { createConfStore } from '../../../main/settings/createConfStore';
import { startWebModeHarness, type WebModeHarness } from '../support/webModeHarness';
import { filesUnder, placesWithKey } from './support/scanForKey';
import { openRawBridge, type RawBridge } from './support/rawBridge';

const KEY = 'wb-LEAKCANARY-5f2e9d7c1b3a4e6f8091';
let harness: WebModeHarness;
let bridge: RawBridge;
const errors: string[] = [];

const invoke = async (channel: string, request: unknown) => {
  const envelope = await bridge.invoke(channel, JSON.stringify(request));
  if (!envelope.ok) errors.push(envelope.error.message);
  return envelope;
};
const valueOf = <T>(envelope: Envelope<unknown>) => (envelope.ok ? (envelope.value as T) : null);

async function chatTurn(model: string, content: string): Promise<ChatEvent[]> {
  const conversationId = randomUUID();
  await invoke('history:create', { id: conversationId, model, systemPrompt: '' });
  const request = { model, systemPrompt: '', messages: [{ role: 'user', content }], history: { conversationId, answerId: randomUUID(), turn: { kind: 'new', userMessageId: randomUUID() } } };
  const events = await bridge.chat(JSON.stringify(request));
  for (const event of events) if (event.type === 'done' && event.result.error) errors.push(event.result.error.message);
  return events;
}

beforeAll(async () => {
  harness = await startWebModeHarness({ envKey: null });
  bridge = await openRawBridge(harness);
  await invoke('key:save', { key: KEY });
  await invoke('settings:update', { project: 'team/project' });
  await invoke('models:list', { refresh: true });
  await chatTurn('fake/echo', 'hello about otters');
  for (const model of ['fake/error-401', 'fake/error-402', 'fake/error-500', 'fake/error-echo-auth', 'fake/drop']) await chatTurn(model, 'fail please');
  await invoke('history:search', { query: 'otters', limit: 10 });
  const list = valueOf<{ conversations: { id: string }[] }>(await invoke('history:list', { offset: 0, limit: 50 }));
  const first = list?.conversations[0]?.id ?? '';
  await invoke('export:conversation', { id: first });
  await invoke('export:markdownText', { id: first });
  await invoke('export:backup', {});
  const job = valueOf<{ jobId: string }>(await invoke('export:folderStart', { ids: null }));
  while (!valueOf<FolderExportStatus>(await invoke('export:folderStatus', { jobId: job?.jobId }))?.finished) await setTimeout(20);
  await invoke('settings:get', {});
  await invoke('key:status', {});
  // A library that dumps its request options into main's console.
  console.error('request options', { headers: { Authorization: `Bearer ${KEY}` } });
}, 30_000);
afterAll(async () => {
  bridge.close();
  await harness.close();
});

describe('the key never leaves main except in the Authorization header', () => {
  it('the session really happened: the key was used, errors were met, files were written', async () => {
    expect(harness.fake.requests.some((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    // Main's change announcements were among the frames scanned below (saving the key announced one).
    expect(bridge.received.some((frame) => frame.includes('"kind":"change"'))).toBe(true);
    expect(errors.join(' ')).toMatch(/not accepted/);
    expect(errors.join(' ')).toMatch(/Bad header: authorization=Bearer \[redacted\]/);
    const log = (await filesUnder(harness.dataDir)).find(([name]) => name === path.join('logs', 'parley.log'))?.[1];
    expect(log).toMatch(/request options [^]*Bearer \[redacted\]/);
  });

  it('not in anything the page received, nor in any error message', () => {
    expect(bridge.received.length).toBeGreaterThan(20);
    expect(placesWithKey(KEY, bridge.received.map((frame, i) => [`frame ${i}`, frame]))).toEqual([]);
    expect(placesWithKey(KEY, errors.map((message, i) => [`error ${i}`, message]))).toEqual([]);
  });

  it('not in any file of the data folder: logs, exports, backup, settings, history', async () => {
    const files = await filesUnder(harness.dataDir);
    expect(files.some(([name]) => name.startsWith('exports'))).toBe(true);
    expect(placesWithKey(KEY, files)).toEqual([]);
  });

  it('the server got it in the Authorization header and nowhere else', () => {
    const elsewhere = harness.fake.requests.flatMap((r, i) => {
      const headers = Object.entries(r.headers).filter(([name]) => name !== 'authorization');
      return [[`request ${i} headers`, JSON.stringify(headers)], [`request ${i} body`, JSON.stringify(r.body)], [`request ${i} path`, r.path]] as [string, string][];
    });
    expect(placesWithKey(KEY, elsewhere)).toEqual([]);
  });

  it('a saved key is stored as ciphertext only', async () => {
    const store = createConfStore(harness.dataDir, 'secrets').store;
    await createKeyVault({ cipher: createMemoryCipher(), store }).save(KEY);
    const [[name, text]] = (await filesUnder(harness.dataDir)).filter(([file]) => file === 'secrets.json') as [[string, string]];
    expect(text).toMatch(/apiKeyCiphertext/);
    expect(placesWithKey(KEY, [[name, text]])).toEqual([]);
  });
});
