import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, type ParleyApi } from '../../../../shared/ipc/client';
import { ParleyError } from '../../../../shared/ipc/parleyError';
import type { Change, ChatEvent } from '../../../../shared/ipc';
import { createWebTransport } from '../../../../renderer/lib/webTransport';
import { startWebModeHarness, type WebModeHarness } from '../../support/webModeHarness';

let harness: WebModeHarness;
let api: ParleyApi;
/** Every frame the page's sockets have sent, as it left. */
const sentFrames: string[] = [];

beforeAll(async () => {
  harness = await startWebModeHarness();
  const page = new URL(harness.server.url);
  const Socket = harness.browserSocket(page.origin);
  globalThis.WebSocket = class extends Socket {
    override send(data: string) {
      sentFrames.push(data);
      super.send(data);
    }
  } as typeof WebSocket;
  api = createApi(createWebTransport(page));
});
afterAll(() => harness.close());

const ask = (model: string, content: string) => ({ model, systemPrompt: '', messages: [{ role: 'user' as const, content }] });

describe('createApi over the web-mode transport', () => {
  it('routes each stream’s events to its own request, even when they interleave', async () => {
    const eventsA: ChatEvent[] = [];
    const eventsB: ChatEvent[] = [];
    const a = api.chat(ask('fake/echo', 'first'), (event) => eventsA.push(event));
    const b = api.chat(ask('fake/echo', 'second'), (event) => eventsB.push(event));
    const [resultA, resultB] = await Promise.all([a.done, b.done]);

    expect(resultA).toMatchObject({ status: 'complete', content: 'You said: first' });
    expect(resultB).toMatchObject({ status: 'complete', content: 'You said: second' });
    const text = (events: ChatEvent[]) => events.map((e) => (e.type === 'delta' ? (e.content ?? '') : '')).join('');
    expect(text(eventsA)).toBe('You said: first');
    expect(text(eventsB)).toBe('You said: second');
    expect(eventsA.filter((e) => e.type === 'done')).toHaveLength(1);
  });

  it('once connected, a chat request leaves in the call itself, not a task later (time to first token)', async () => {
    await api.getSettings();
    const stream = api.chat(ask('fake/echo', 'right away'), () => undefined);
    expect(sentFrames.at(-1)).toContain('"kind":"chat"');
    expect(sentFrames.at(-1)).toContain('right away');
    expect(await stream.done).toMatchObject({ status: 'complete', content: 'You said: right away' });
  });

  it('cancel stops the stream and keeps the partial answer', async () => {
    let deltas = 0;
    const stream = api.chat(ask('fake/slow', 'go'), (event) => {
      if (event.type === 'delta' && ++deltas === 3) stream.cancel();
    });
    const result = await stream.done;
    expect(result.status).toBe('stopped');
    expect(result.content.length).toBeGreaterThan(0);
    const before = harness.fake.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(harness.fake.requests.length).toBe(before);
  });

  it('turns a refused request into a ParleyError with its code', async () => {
    const failure = await api.updateSettings({ baseURL: 'ftp://nope' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ParleyError);
    expect((failure as ParleyError).code).toBe('invalid-request');
  });

  it('saves a key and reports only its hint', async () => {
    const status = await api.saveKey({ key: '  my-new-wandb-key-ABCD  ' });
    expect(status).toMatchObject({ hasKey: true, hint: 'ABCD', backend: 'memory', secure: true });
    expect(JSON.stringify(await api.keyStatus())).not.toContain('my-new-wandb-key');
  });

  it('hears main’s changes, its own and another page’s, and stops when it unsubscribes', async () => {
    const other = createApi(createWebTransport(new URL(harness.server.url)));
    const heard: Change[] = [];
    const unsubscribe = api.onChange((change) => heard.push(change));
    await other.getSettings();
    await api.getSettings();

    await other.updateSettings({ theme: 'dark' });
    const id = crypto.randomUUID();
    await api.createConversation({ id, model: 'fake/echo', systemPrompt: '' });
    await api.updateConversation({ id, patch: { title: 'Renamed' } });
    await api.getSettings();
    expect(heard).toEqual([{ topic: 'settings' }, { topic: 'conversations', ids: [id] }]);

    unsubscribe();
    await other.updateSettings({ theme: 'light' });
    await api.getSettings();
    expect(heard).toHaveLength(2);
  });
});
