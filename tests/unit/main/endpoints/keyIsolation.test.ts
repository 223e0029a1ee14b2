/**
 * Each endpoint gets its own key and nobody else's, through everything that talks to a server:
 * chats (new, following the conversation's endpoint), titles, model lists and Test connection.
 * Web mode for real (services, bridge, SQLite) with two fake servers; assertions are on the
 * headers the servers recorded.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParleyApi } from '../../../../shared/ipc/client';
import type { ChatMessage, ChatRequest } from '../../../../shared/ipc';
import { startFakeInferenceServer, type FakeInferenceServer, type RecordedRequest } from '../../../fixtures/fakeInferenceServer';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';
import { webModeApi } from '../export/webModeApi';

const WANDB_KEY = 'wandb-key-0123456789abcdef0123';
const OTHER_KEY = 'sk-other-endpoint-fedcba987654';

let harness: WebModeHarness;
let local: FakeInferenceServer;
let api: ParleyApi;

beforeAll(async () => {
  harness = await startWebModeHarness();
  local = await startFakeInferenceServer({ keyless: true });
  api = await webModeApi(harness);
  await api.saveKey({ key: WANDB_KEY });
});
afterAll(async () => {
  await harness.close();
  await local.close();
});

/** One saved turn; `endpointId` as the page sends it, or left out to follow the conversation. */
async function turn(conversationId: string, messages: ChatMessage[], endpointId?: string): Promise<string> {
  const history = { conversationId, answerId: randomUUID(), turn: { kind: 'new' as const, userMessageId: randomUUID() } };
  const request: ChatRequest = { model: 'fake/echo', systemPrompt: '', messages, history, ...(endpointId ? { endpointId } : {}) };
  const result = await api.chat(request, () => undefined).done;
  expect(result.error).toBeNull();
  return result.content;
}

const authorizations = (requests: RecordedRequest[]) => new Set(requests.map((request) => request.headers.authorization ?? '(none)'));

describe('key isolation between endpoints', () => {
  it('sends the W&B key only to W&B, another endpoint’s key only to it, and no key to a keyless one', async () => {
    const keyless = await api.addEndpoint({ name: 'Local', baseURL: local.baseURL, project: '' });
    const keyed = await api.addEndpoint({ name: 'Keyed', baseURL: local.baseURL, project: 'lab', key: OTHER_KEY });
    expect(JSON.stringify(await api.listEndpoints())).not.toContain(OTHER_KEY);

    // A conversation on the keyless endpoint: the first turn names it, the second follows the conversation.
    const id = randomUUID();
    await api.createConversation({ id, model: 'fake/echo', systemPrompt: '', endpointId: keyless.id });
    const first = await turn(id, [{ role: 'user', content: 'Hello local' }], keyless.id);
    await turn(id, [{ role: 'user', content: 'Hello local' }, { role: 'assistant', content: first }, { role: 'user', content: 'Again' }]);
    await api.autoTitle({ id });
    await api.listModels({ refresh: true, endpointId: keyless.id });
    expect(await api.testEndpoint({ id: keyless.id })).toMatchObject({ ok: true });
    expect((await api.getConversation({ id })).endpoint).toBe(keyless.id);

    const keyedChat = randomUUID();
    await api.createConversation({ id: keyedChat, model: 'fake/echo', systemPrompt: '', endpointId: keyed.id });
    await turn(keyedChat, [{ role: 'user', content: 'Hello keyed' }], keyed.id);

    const wandbChat = randomUUID();
    const wandbBefore = harness.fake.requests.length;
    await api.createConversation({ id: wandbChat, model: 'fake/echo', systemPrompt: '' });
    await turn(wandbChat, [{ role: 'user', content: 'Hello W&B' }]);
    await api.listModels({ refresh: true });

    const localRequests = local.requests.filter((request) => request.path.startsWith('/v1/'));
    // Two turns, a title, a model list, a test (no key); one turn with the other key.
    expect(localRequests.length).toBe(6);
    expect(authorizations(localRequests)).toEqual(new Set(['(none)', `Bearer ${OTHER_KEY}`]));
    expect(localRequests.filter((request) => request.headers['openai-project'] === 'lab')).toHaveLength(1);
    expect(JSON.stringify(local.requests)).not.toContain(WANDB_KEY);
    expect(JSON.stringify(local.requests)).not.toContain('harness-key');

    const wandbRequests = harness.fake.requests.slice(wandbBefore);
    expect(wandbRequests.length).toBe(2);
    expect(authorizations(wandbRequests)).toEqual(new Set([`Bearer ${WANDB_KEY}`]));
    expect(JSON.stringify(harness.fake.requests)).not.toContain(OTHER_KEY);
  });
});

describe('a conversation moved to another endpoint', () => {
  it('is remembered there and sends its next turns there, with that endpoint’s key', async () => {
    const moved = await api.addEndpoint({ name: 'Moved to', baseURL: local.baseURL, project: '', key: OTHER_KEY });
    const id = randomUUID();
    await api.createConversation({ id, model: 'fake/echo', systemPrompt: '' });
    expect((await api.getConversation({ id })).endpoint).toBe('wandb');

    await api.updateConversation({ id, patch: { endpointId: moved.id } });
    expect((await api.getConversation({ id })).endpoint).toBe(moved.id);
    const before = local.requests.length;
    await turn(id, [{ role: 'user', content: 'Where am I?' }]);
    expect(local.requests.slice(before).map((request) => request.headers.authorization)).toEqual([`Bearer ${OTHER_KEY}`]);

    // Removed: the conversation stays, and is refused rather than sent (with its history) to the built-in endpoint.
    await api.removeEndpoint({ id: moved.id });
    const wandbBefore = harness.fake.requests.length;
    const history = { conversationId: id, answerId: randomUUID(), turn: { kind: 'new' as const, userMessageId: randomUUID() } };
    const refused = await api.chat({ model: 'fake/echo', systemPrompt: '', messages: [{ role: 'user', content: 'And now?' }], history }, () => undefined).done;
    expect(refused.error?.code).toBe('endpoint-missing');
    expect(harness.fake.requests.length).toBe(wandbBefore);

    // Choosing the built-in endpoint for it sends it there, with that key.
    await api.updateConversation({ id, patch: { endpointId: 'wandb' } });
    await turn(id, [{ role: 'user', content: 'And now?' }]);
    expect(harness.fake.requests.slice(wandbBefore).map((request) => request.headers.authorization)).toEqual([`Bearer ${WANDB_KEY}`]);
  });
});
