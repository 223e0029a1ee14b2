import { describe, expect, it, vi } from 'vitest';
import type { Change, ChatEvent, ChatRequest, ChatResult } from '../../../../shared/ipc';
import { DEFAULT_SETTINGS } from '../../../../shared/ipc';
import { AppFailure } from '../../../../main/appFailure';
import { createRouter, type Handlers } from '../../../../main/ipc/router';

const status = { hasKey: false, hint: null, backend: 'memory', secure: true };

const unused = () => {
  throw new Error('not used by these tests');
};

function routerWith(overrides: Partial<Handlers> = {}) {
  const calls: string[] = [];
  const handlers: Handlers = {
    'settings:get': () => DEFAULT_SETTINGS,
    'settings:update': (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    'key:status': () => status,
    'key:save': ({ key }) => {
      calls.push(`save:${key.length}`);
      return { ...status, hasKey: true };
    },
    'key:remove': () => status,
    'models:list': () => ({ models: [], info: {}, fetchedAt: null, fromCache: false, error: null }),
    'link:open': () => ({ opened: true }),
    'app:notices': () => [],
    'history:list': unused,
    'history:get': unused,
    'history:create': unused,
    'history:update': unused,
    'history:delete': unused,
    'history:restore': unused,
    'history:search': unused,
    'history:autoTitle': unused,
    ...overrides,
  } as Handlers;
  const errors: unknown[] = [];
  const router = createRouter({
    handlers,
    reportError: (_where, error) => errors.push(error),
    chat: async (request: ChatRequest, onEvent: (e: ChatEvent) => void, signal: AbortSignal, _approvals, onSaved): Promise<ChatResult> => {
      // A kept chat's turn is committed as its request goes out (savedChat.ts).
      if (request.history) setImmediate(onSaved);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const result: ChatResult = { status: signal.aborted ? 'stopped' : 'complete', content: request.model, reasoning: '', usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2, thinkingMs: null };
      onEvent({ type: 'done', result });
      return result;
    },
  });
  return { router, calls, errors };
}

describe('router', () => {
  it('answers a valid request', async () => {
    const { router } = routerWith();
    expect(await router.invoke('settings:get', {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it.each([
    ['an unknown channel', 'fs:read', {}],
    ['a channel name that is not a string', 42, {}],
    ['wrong types', 'key:save', { key: 42 }],
    ['extra fields', 'settings:update', { baseURL: 'https://x.test/v1', shell: 'rm -rf' }],
    ['a prototype-pollution key', 'settings:update', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a non-http base URL', 'settings:update', { baseURL: 'javascript:alert(1)' }],
    ['a huge key', 'key:save', { key: 'x'.repeat(100_000) }],
    ['no payload', 'key:save', undefined],
  ])('refuses %s without calling a service', async (_label, channel, payload) => {
    const { router, calls } = routerWith();
    const answer = await router.invoke(channel, payload);
    expect(answer.ok).toBe(false);
    expect(!answer.ok && answer.error.code).toBe('invalid-request');
    expect(calls).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never echoes a rejected value (it may be a key)', async () => {
    const { router } = routerWith();
    const answer = await router.invoke('key:save', { key: 'secret-value-123', allowInsecure: 'yes' });
    expect(JSON.stringify(answer)).not.toContain('secret-value-123');
  });

  it('passes a service’s AppFailure through and hides unexpected errors', async () => {
    const { router, errors } = routerWith({
      'key:remove': () => {
        throw new AppFailure({ code: 'settings', message: 'Could not write settings.' });
      },
      'key:status': () => {
        throw new Error('disk exploded at /home/me');
      },
    });
    expect(await router.invoke('key:remove', {})).toEqual({ ok: false, error: { code: 'settings', message: 'Could not write settings.' } });
    const hidden = await router.invoke('key:status', {});
    expect(!hidden.ok && hidden.error.code).toBe('internal');
    expect(JSON.stringify(hidden)).not.toContain('/home/me');
    expect(errors).toHaveLength(1);
  });

  it('ends an invalid chat request with one done event carrying the reason', () => {
    const { router } = routerWith();
    const events: ChatEvent[] = [];
    router.startChat({ model: '', systemPrompt: '', messages: [] }, (event) => events.push(event));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'done', result: { status: 'error', error: { code: 'invalid-request' } } });
  });

  it('cancels a chat through its abort signal', async () => {
    const { router } = routerWith();
    const done = new Promise<ChatResult>((resolve) => {
      const stream = router.startChat({ model: 'm', systemPrompt: '', messages: [{ role: 'user', content: 'hi' }] }, (event) => {
        if (event.type === 'done') resolve(event.result);
      });
      stream.cancel();
    });
    expect((await done).status).toBe('stopped');
  });
});

describe('settled', () => {
  it('waits for every call and chat under way, so quitting closes the database after their writes', async () => {
    let openGate: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    const ended: string[] = [];
    const { router } = routerWith({
      'history:autoTitle': async ({ id }) => {
        await gate;
        ended.push('title');
        return { id, title: 'Trip to Lisbon' } as never;
      },
    });
    const title = router.invoke('history:autoTitle', { id: crypto.randomUUID() });
    router.startChat({ model: 'm', systemPrompt: '', messages: [{ role: 'user', content: 'hi' }] }, (event) => {
      if (event.type === 'done') ended.push('chat');
    });
    const settled = router.settled().then(() => ended.push('settled'));
    await vi.waitFor(() => expect(ended).toContain('chat'));
    expect(ended).not.toContain('settled');
    openGate();
    await settled;
    expect(ended).toEqual(['chat', 'title', 'settled']);
    expect((await title).ok).toBe(true);
  });
});

describe('changes', () => {
  const ID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
  const listen = (router: ReturnType<typeof routerWith>['router']) => {
    const heard: Change[] = [];
    router.onChange((change) => heard.push(change));
    return heard;
  };

  it('announces what a call’s table entry says it changed, once it succeeded', async () => {
    const { router } = routerWith({ 'history:autoTitle': ({ id }) => ({ id, title: 'Named', model: 'm', createdAt: 1, updatedAt: 2, pinned: false }) });
    const heard = listen(router);
    await router.invoke('settings:update', { theme: 'dark' });
    await router.invoke('settings:update', { project: 'team/project' });
    await router.invoke('history:autoTitle', { id: ID });
    expect(heard).toEqual([{ topic: 'settings' }, { topic: 'settings' }, { topic: 'endpoints' }, { topic: 'conversations', ids: [ID] }]);
  });

  it('announces nothing for a read, a refused request or a failed call', async () => {
    const { router } = routerWith({ 'key:remove': () => Promise.reject(new AppFailure({ code: 'settings', message: 'Could not write settings.' })) });
    const heard = listen(router);
    await router.invoke('settings:get', {});
    await router.invoke('settings:update', { theme: 'purple' });
    await router.invoke('key:remove', {});
    expect(heard).toEqual([]);
  });

  it('announces a kept chat’s conversation as its turn is saved and again as its answer ends', async () => {
    const { router } = routerWith();
    const heard = listen(router);
    const history = { conversationId: ID, answerId: '0b1c2d3e-4f50-4a61-8b72-9c83d4e5f607', turn: { kind: 'new', userMessageId: '1b1c2d3e-4f50-4a61-8b72-9c83d4e5f607' } };
    const ended = new Promise<number>((resolve) => {
      router.startChat({ model: 'm', systemPrompt: '', messages: [{ role: 'user', content: 'hi' }], history }, (event) => {
        if (event.type === 'done') queueMicrotask(() => resolve(heard.length));
      });
    });
    const turn = [
      { topic: 'conversations', ids: [ID] },
      { topic: 'messages', ids: [ID] },
    ];
    // Not before the turn is committed.
    expect(heard).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(heard).toEqual(turn);
    expect(await ended).toBe(4);
    expect(heard).toEqual([...turn, ...turn]);
  });

  it('announces nothing for a chat that is not kept', async () => {
    const { router } = routerWith();
    const heard = listen(router);
    await new Promise<void>((resolve) => {
      router.startChat({ model: 'm', systemPrompt: '', messages: [{ role: 'user', content: 'hi' }] }, (event) => event.type === 'done' && resolve());
    });
    expect(heard).toEqual([]);
  });

  it('stops telling a listener that unsubscribed', async () => {
    const { router } = routerWith();
    const heard: Change[] = [];
    const unsubscribe = router.onChange((change) => heard.push(change));
    unsubscribe();
    await router.invoke('settings:update', { theme: 'dark' });
    expect(heard).toEqual([]);
  });

  it('announces what changes with no call (a crashed server) once, and not again after a call said the same', async () => {
    let watched: (change: Change) => void = () => undefined;
    const router = createRouter({
      handlers: { 'settings:update': () => DEFAULT_SETTINGS } as unknown as Handlers,
      chat: () => Promise.reject(new Error('unused')),
      watch: (announce) => (watched = announce),
    });
    const heard = listen(router);
    watched({ topic: 'tools' });
    watched({ topic: 'tools' });
    expect(heard).toEqual([]);
    await vi.waitFor(() => expect(heard).toEqual([{ topic: 'tools' }]));

    // During a call that also moves it: the call's change is the only one.
    watched({ topic: 'settings' });
    await router.invoke('settings:update', { theme: 'dark' });
    // A later watched change arrives after any earlier one would have: then the list is complete.
    watched({ topic: 'prompts' });
    await vi.waitFor(() => expect(heard.at(-1)).toEqual({ topic: 'prompts' }));
    expect(heard).toEqual([{ topic: 'tools' }, { topic: 'settings' }, { topic: 'prompts' }]);
  });
});
