/**
 * Every channel, fed what a hostile page could send through the real web bridge and router:
 * wrong types, huge strings, prototype-pollution keys, extra fields. Each is refused with
 * `invalid-request`, and nothing changes: settings, key, history, and no request to the server.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, requestSchemas, type Channel, type ChatRequest, type RequestOf } from '../../../shared/ipc';
import { startWebModeHarness, type WebModeHarness } from '../support/webModeHarness';
import { openRawBridge, type RawBridge } from './support/rawBridge';

const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const HUGE = 'x'.repeat(10 * 1024 * 1024);

/** A valid request per channel that needs fields; every other channel takes `{}`. */
const VALID: Partial<{ [C in Channel]: RequestOf<C> }> = {
  'settings:update': { baseURL: 'http://127.0.0.1:1/v1', project: 'team/project', theme: 'dark', autoTitle: false },
  'key:save': { key: 'a-perfectly-good-key-123', allowInsecure: true },
  'models:list': { refresh: true },
  'link:open': { url: 'https://example.com/' },
  'image:fetch': { url: 'https://example.com/chart.png' },
  'history:list': { offset: 0, limit: 10 },
  'history:summaries': { ids: [ID] },
  'history:get': { id: ID },
  'history:create': { id: ID, model: 'fake/echo', systemPrompt: 'be brief' },
  'history:update': { id: ID, patch: { title: 'renamed', pinned: true } },
  'history:delete': { id: ID },
  'history:restore': { id: ID },
  'history:deleteMessage': { conversationId: ID, messageId: ID },
  'history:showBranch': { conversationId: ID, messageId: ID },
  'history:fork': { id: ID, messageId: ID, forkId: ID },
  'history:search': { query: 'hello', limit: 10 },
  'history:autoTitle': { id: ID },
  'history:restoreBackup': { backupFile: 'history-v1.sqlite3' },
  'app:dismissNotice': { id: 'history-damaged' },
  'export:conversation': { id: ID },
  'export:markdownText': { id: ID },
  'export:folderStart': { ids: [ID] },
  'export:folderStatus': { jobId: ID },
  'export:folderCancel': { jobId: ID },
  'import:files': { files: [{ name: 'a.md', content: '# hi' }], duplicates: 'skip' },
  'import:begin': { name: 'conversations.json', duplicates: 'skip' },
  'import:chunk': { jobId: ID, data: 'W10=' },
  'import:finish': { jobId: ID },
  'import:cancel': { jobId: ID },
  'prompts:save': { id: ID, name: 'Terse', text: 'Answer in one line.' },
  'prompts:delete': { id: ID },
  'prompts:setDefault': { id: ID },
  'prompts:import': { content: '{"format":"parley-prompts","version":1,"prompts":[]}' },
  'endpoints:add': { name: 'Local', baseURL: 'http://127.0.0.1:11434/v1', project: '', key: 'a-perfectly-good-key-123', allowInsecure: true },
  'endpoints:update': { id: 'wandb', patch: { project: 'team/project' } },
  'endpoints:remove': { id: 'wandb' },
  'endpoints:saveKey': { id: 'wandb', key: 'a-perfectly-good-key-123', allowInsecure: true },
  'endpoints:removeKey': { id: 'wandb' },
  'endpoints:test': { id: 'wandb' },
  'endpoints:testNew': { baseURL: 'http://127.0.0.1:11434/v1', project: '', key: 'a-perfectly-good-key-123' },
  'history:saveComparison': {
    conversationId: ID,
    newConversation: false,
    systemPrompt: 'be brief',
    question: { id: '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', content: 'hi' },
    chosen: { id: '1b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', model: 'fake/echo', content: 'You said: hi', reasoning: '', status: 'complete', error: null, usage: { promptTokens: 1, completionTokens: 3, totalTokens: 4 }, finishReason: 'stop', firstTokenMs: 12, durationMs: 40, thinkingMs: null },
    others: [{ id: '2b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', model: 'fake/error-500', content: 'Half', reasoning: 'hm', status: 'error', error: { code: 'server', message: 'The server had an error.', status: 500, param: 'top_p' }, usage: null, finishReason: 'length', firstTokenMs: null, durationMs: 30, thinkingMs: 5 }],
  },
  'attachment:add': { name: 'pixel.png', base64: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==' },
  'attachment:read': { file: `${'a'.repeat(64)}.png` },
  'tools:add': { fields: { name: 'Files', transport: 'stdio', command: 'npx', args: ['-y', 'server'], env: [{ name: 'TOKEN', value: 'secret-value' }] }, allowInsecure: true },
  'tools:update': { id: 'files', fields: { name: 'Remote', transport: 'http', url: 'http://127.0.0.1:1/mcp', headers: [{ name: 'x-api-key', value: 'secret-value' }] } },
  'tools:remove': { id: 'files' },
  'tools:start': { id: 'files' },
  'tools:restart': { id: 'files' },
  'tools:stop': { id: 'files' },
  'tools:setToolEnabled': { serverId: 'files', tool: 'read_file', enabled: false },
  'tools:revokeAlwaysAllow': { serverId: 'files', tool: 'read_file' },
  'tools:importClaudeConfig': { content: '{"mcpServers":{}}', allowInsecure: true },
};
const validFor = (channel: Channel): unknown => VALID[channel as keyof typeof VALID] ?? {};
const VALID_CHAT: ChatRequest = { model: 'fake/echo', systemPrompt: '', messages: [{ role: 'user', content: 'hi' }] };

/** String leaves whose limit is above 10 MB: a huge value there is legitimate. */
const HUGE_ALLOWED = new Set(['import:files files.0.content', 'chat messages.0.content']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function leaves(value: Json, at: string[] = []): { path: string[]; value: Json }[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, [...at, key]));
  }
  return [{ path: at, value }];
}

function replaceAt(value: Json, at: string[], replacement: Json): Json {
  if (at.length === 0) return replacement;
  const [head, ...rest] = at as [string, ...string[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string, Json>;
  copy[head] = replaceAt(copy[head] ?? null, rest, replacement);
  return copy as Json;
}

const wrongType = (value: Json): Json => (typeof value === 'string' ? 42 : typeof value === 'number' ? '1' : typeof value === 'boolean' ? 'true' : 'x');

/** Hostile variants of a valid payload, as JSON text, each with a name for the failure message. */
function hostile(where: string, valid: Json): [string, string][] {
  const text = JSON.stringify(valid);
  const withKey = (key: string, value: string) => `{"${key}":${value}${text === '{}' ? '' : ','}${text.slice(1)}`;
  const cases: [string, string][] = [
    ['null', 'null'],
    ['a number', '42'],
    ['a string', '"settings"'],
    ['an array', '[]'],
    ['an extra field', withKey('extra', 'true')],
    ['a __proto__ key', withKey('__proto__', '{"polluted":true}')],
    ['a constructor key', withKey('constructor', '{"prototype":{"polluted":true}}')],
  ];
  for (const leaf of leaves(valid)) {
    const name = leaf.path.join('.');
    cases.push([`${name} of the wrong type`, JSON.stringify(replaceAt(valid, leaf.path, wrongType(leaf.value)))]);
    if (typeof leaf.value === 'string' && !HUGE_ALLOWED.has(`${where} ${name}`)) {
      cases.push([`${name} of 10 MB`, JSON.stringify(replaceAt(valid, leaf.path, HUGE))]);
    }
  }
  return cases;
}

let harness: WebModeHarness;
let bridge: RawBridge;
beforeAll(async () => {
  harness = await startWebModeHarness();
  bridge = await openRawBridge(harness);
  // Something to lose: a conversation, a saved key and changed settings.
  await bridge.invoke('history:create', JSON.stringify({ id: ID, model: 'fake/echo', systemPrompt: 'kept' }));
  await bridge.invoke('key:save', JSON.stringify({ key: 'the-saved-key-0123456789' }));
  await bridge.invoke('settings:update', JSON.stringify({ defaultSystemPrompt: 'kept too' }));
});
afterAll(async () => {
  bridge.close();
  await harness.close();
});

async function snapshot() {
  const read = async (channel: Channel, request: unknown) => JSON.stringify(await bridge.invoke(channel, JSON.stringify(request)));
  return {
    settings: await read('settings:get', {}),
    key: await read('key:status', {}),
    history: await read('history:get', { id: ID }),
    list: await read('history:list', { offset: 0, limit: 100 }),
    config: await readFile(path.join(harness.dataDir, 'config.json'), 'utf8'),
    serverRequests: harness.fake.requests.length,
  };
}

describe('the bridge refuses malformed requests on every channel', () => {
  it('has a valid sample for every channel that needs fields', () => {
    for (const channel of CHANNELS) expect(requestSchemas[channel].safeParse(validFor(channel)).success, channel).toBe(true);
  });

  it.each(CHANNELS)('%s: refused with invalid-request, nothing changes', async (channel) => {
    const before = await snapshot();
    for (const [name, payload] of hostile(channel, validFor(channel) as Json)) {
      const envelope = await bridge.invoke(channel, payload);
      expect(envelope, `${channel} with ${name}`).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      // The refusal names the field, never echoes the value.
      expect(JSON.stringify(envelope).length, name).toBeLessThan(1_000);
    }
    expect(await snapshot()).toEqual(before);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('chat: refused, ends with one done event, and no request reaches the server', async () => {
    const before = await snapshot();
    for (const [name, payload] of hostile('chat', VALID_CHAT as unknown as Json)) {
      const events = await bridge.chat(payload);
      expect(events, name).toHaveLength(1);
      expect(events[0], name).toMatchObject({ type: 'done', result: { status: 'error', error: { code: 'invalid-request' } } });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an unknown channel is refused', async () => {
    for (const channel of ['shell:openExternal', '__proto__', 'constructor', 'settings:get ']) {
      expect(await bridge.invoke(channel, '{}')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
