import { describe, expect, it } from 'vitest';
import { CALL_BY_CHANNEL, CHANGE_TOPICS, CHANNELS, IPC, IPC_TABLES, isChange, requestSchemas } from '../../../../shared/ipc';
import { CALL_METHODS, createApi } from '../../../../shared/ipc/client';

const tables = Object.entries(IPC_TABLES);

describe('the IPC tables', () => {
  it('give every method and every channel one table entry only', () => {
    const methods = tables.flatMap(([, table]) => Object.keys(table));
    const channels = tables.flatMap(([, table]) => Object.values(table).map((spec) => spec.channel));
    expect(new Set(methods).size).toBe(methods.length);
    expect(new Set(channels).size).toBe(channels.length);
    expect(Object.keys(IPC)).toHaveLength(methods.length);
    expect([...CHANNELS].sort()).toEqual([...channels].sort());
  });

  it('hold a schema main validates with, and the router finds each call by its channel', () => {
    for (const [method, spec] of Object.entries(IPC)) {
      expect(requestSchemas[spec.channel], method).toBe(spec.request);
      expect(CALL_BY_CHANNEL[spec.channel], method).toBe(spec);
      expect(typeof spec.request.safeParse, method).toBe('function');
    }
  });

  it('make the page client: one function per table method, plus the chat stream and main’s two pushes', () => {
    const unused = (): never => {
      throw new Error('not called');
    };
    const api = createApi({ invoke: unused, openChat: unused });
    expect(Object.keys(api).sort()).toEqual([...CALL_METHODS, 'chat', 'onChange', 'onCommand'].sort());
    expect(CALL_METHODS).toEqual(Object.keys(IPC));
  });

  it('send each call on its own channel, with the request as given', async () => {
    const sent: [string, unknown][] = [];
    const api = createApi({
      invoke: async (channel, request) => {
        sent.push([channel, request]);
        return { ok: true, value: null };
      },
      openChat: () => ({ send: () => undefined }),
    });
    await api.updateConversation({ id: 'a', patch: { title: 'T' } });
    await api.getSettings();
    expect(sent).toEqual([
      ['history:update', { id: 'a', patch: { title: 'T' } }],
      ['settings:get', {}],
    ]);
  });
});

describe('a change, as the preload checks it', () => {
  it('names a known topic, with string ids or none', () => {
    for (const topic of CHANGE_TOPICS) expect(isChange({ topic }), topic).toBe(true);
    expect(isChange({ topic: 'conversations', ids: ['a', 'b'] })).toBe(true);
  });

  it('refuses anything else', () => {
    for (const value of [null, 'settings', {}, { topic: 'keys' }, { topic: 'conversations', ids: 'a' }, { topic: 'messages', ids: [1] }]) {
      expect(isChange(value), JSON.stringify(value)).toBe(false);
    }
  });
});
