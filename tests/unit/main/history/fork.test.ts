import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../main/appFailure';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import type { StoredMessage } from '../../../../main/history/types';
import { DONE, useFreshStore, type OpenedTestStore } from './support/openStore';
import { checkSearchIndex, ok } from './support/tempHistory';

let clock: OpenedTestStore['clock'];
let store: HistoryStore;
let db: Db;
useFreshStore((opened) => ({ store, db, clock } = opened));

const ATTACHMENT = { file: 'a'.repeat(64) + '.png', name: 'chart.png', kind: 'image', mimeType: 'image/png', bytes: 68 } as const;

/** Two turns; the first answer regenerated once (so it has a version), the first question with a file. */
function twoTurns() {
  const { id } = store.createConversation({ title: 'Birds', model: 'model-a', systemPrompt: 'Be brief.', params: { temperature: 0.3 }, endpoint: 'local', toolServers: ['files'] });
  store.addUserMessage(id, { content: 'Name a bird', model: 'model-a', params: {}, attachments: [ATTACHMENT] });
  const first = store.startAnswer(id, { model: 'model-a', params: {} });
  first.append({ content: 'A pelican.' });
  const old = first.finish(DONE);
  const again = store.regenerateAnswer(id, old.id, { model: 'model-b', params: {} });
  again.append({ content: 'A heron.' });
  const a1 = again.finish(DONE);
  const q2 = store.addUserMessage(id, { content: 'And a fish?', model: 'model-b', params: {} });
  const second = store.startAnswer(id, { model: 'model-b', params: {} });
  second.append({ content: 'A cod.' });
  const a2 = second.finish(DONE);
  return { id, a1, q2, a2 };
}

/** What a message says, without what a copy may not keep (its id, its conversation, its row time). */
const said = ({ role, content, reasoning, model, status, finishReason, firstTokenMs, durationMs, attachments }: StoredMessage) => ({
  role,
  content,
  reasoning,
  model,
  status,
  finishReason,
  firstTokenMs,
  durationMs,
  attachments,
});

describe('fork from here', () => {
  it('makes a new conversation with the path up to the message, new ids, no earlier versions, the same settings; the original is unchanged', () => {
    const { id, q2 } = twoTurns();
    const before = store.getConversation(id);
    const usageBefore = store.modelUsage(0);
    clock.advance(60_000);
    const forkId = crypto.randomUUID();

    const fork = store.forkConversation(id, q2.id, forkId);

    expect(fork).toMatchObject({ id: forkId, title: 'Birds (fork)', model: 'model-a', systemPrompt: 'Be brief.', params: { temperature: 0.3 }, endpoint: 'local', toolServers: ['files'], pinned: false, createdAt: clock.now() });
    const copied = store.getConversation(forkId)?.messages ?? [];
    expect(copied.map(said)).toEqual(before?.messages.slice(0, 3).map(said));
    expect(copied[0]?.attachments).toEqual([ATTACHMENT]);
    expect(copied.some((message) => message.versions)).toBe(false);
    // Not billed again: the copies carry no usage, so the usage view counts each answer once.
    expect(copied.map((message) => message.usage)).toEqual([null, null, null]);
    expect(store.modelUsage(0)).toEqual(usageBefore);
    const originalIds = new Set(before?.messages.flatMap((m) => [m.id, ...(m.versions ?? []).map((v) => v.id)]));
    expect(copied.filter((message) => originalIds.has(message.id))).toEqual([]);
    expect(store.getConversation(id)).toEqual(before);
    // Both are found by search, each under its own ids.
    // The original's earlier version is found in the original only (every branch is searchable).
    expect(store.search('pelican').map((hit) => hit.conversationId)).toEqual([id]);
    expect(new Set(store.search('heron').map((hit) => hit.conversationId))).toEqual(new Set([id, forkId]));
    checkSearchIndex(db);
    expect(ok(db)).toBe('ok');
  });

  it('forks from an answer, the whole conversation when it is the last message', () => {
    const { id, a1, a2 } = twoTurns();
    expect(store.getConversation(store.forkConversation(id, a1.id, crypto.randomUUID()).id)?.messages.map((m) => m.content)).toEqual(['Name a bird', 'A heron.']);
    expect(store.getConversation(store.forkConversation(id, a2.id, crypto.randomUUID()).id)?.messages.map((m) => m.content)).toEqual([
      'Name a bird',
      'A heron.',
      'And a fish?',
      'A cod.',
    ]);
  });

  it('refuses, storing nothing, a message that is not in the conversation (or only an earlier version), or a conversation that is gone', () => {
    const { id } = twoTurns();
    const version = store.getConversation(id)?.messages[1]?.versions?.[0];
    const count = () => store.countConversations();
    const before = count();
    for (const [conversationId, messageId] of [
      [id, crypto.randomUUID()],
      [id, version?.id ?? ''],
      [crypto.randomUUID(), crypto.randomUUID()],
    ] as const) {
      expect(() => store.forkConversation(conversationId, messageId, crypto.randomUUID())).toThrow(AppFailure);
    }
    expect(count()).toBe(before);
  });
});
