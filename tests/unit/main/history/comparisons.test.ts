import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComparedAnswer, StoredMessage } from '../../../../shared/ipc';
import type { Comparison } from '../../../../main/history/comparisons';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { openStore } from './support/openStore';
import { checkSearchIndex, conversationInput, manualClock, ok, useTempDir } from './support/tempHistory';

const tempDir = useTempDir();
let clock: ReturnType<typeof manualClock>;
let store: HistoryStore;
let db: Db;
let dir: string;
beforeEach(async () => {
  clock = manualClock();
  dir = tempDir();
  ({ store, db } = await openStore(dir, clock.now));
});
afterEach(() => store.close());

/** Closes the store and opens the same file again, as the next start of the app would. */
async function reopen(): Promise<void> {
  store.close();
  ({ store, db } = await openStore(dir, clock.now));
}

function answer(fields: Partial<ComparedAnswer> & Pick<ComparedAnswer, 'model' | 'content'>): ComparedAnswer {
  return {
    id: crypto.randomUUID(),
    reasoning: '',
    status: 'complete',
    error: null,
    usage: { promptTokens: 4, completionTokens: 9, totalTokens: 13 },
    finishReason: 'stop',
    firstTokenMs: 150,
    thinkingMs: null,
    durationMs: 800,
    ...fields,
  };
}

const echo = answer({ model: 'fake/echo', content: 'You said: name a bird', firstTokenMs: 20, durationMs: 90 });
const reasoning = answer({ model: 'fake/reasoning', content: 'A heron.', reasoning: 'Birds that wade…', usage: { promptTokens: 4, completionTokens: 30, totalTokens: 34 } });
const slow = answer({ model: 'fake/slow', content: 'word1 word2 ', status: 'stopped', usage: null, finishReason: null, firstTokenMs: 100, durationMs: 350 });

function comparison(fields: Partial<Comparison> & Pick<Comparison, 'conversationId'>): Comparison {
  return {
    create: null,
    systemPrompt: 'Be brief.',
    question: { id: crypto.randomUUID(), content: 'Name a bird' },
    chosen: reasoning,
    others: [echo, slow],
    ...fields,
  };
}

/** A stored answer's fields that come from the comparison, to compare with what was sent. */
const asSent = ({ id, model, content, reasoning: thoughts, status, error, usage, finishReason, firstTokenMs, durationMs }: Omit<StoredMessage, 'role' | 'createdAt'>) => ({
  id,
  role: 'assistant',
  model,
  content,
  reasoning: thoughts,
  status,
  error,
  usage,
  finishReason,
  firstTokenMs,
  durationMs,
});

describe('saving a comparison', () => {
  it('creates a new chat with the prompt, the chosen answer and the others as its versions, in column order', async () => {
    const id = crypto.randomUUID();
    const saved = comparison({ conversationId: id, create: { endpoint: 'http://127.0.0.1:5300/v1' } });
    store.saveComparison(saved);
    await reopen();

    const conversation = store.getConversation(id);
    expect(conversation).toMatchObject({ title: 'Name a bird', model: 'fake/reasoning', systemPrompt: 'Be brief.', endpoint: 'http://127.0.0.1:5300/v1' });
    const [question, current, ...rest] = conversation?.messages ?? [];
    expect(rest).toEqual([]);
    expect(question).toMatchObject({ id: saved.question.id, role: 'user', content: 'Name a bird', model: 'fake/reasoning' });
    expect(current).toMatchObject(asSent(reasoning));
    // Oldest first: ‹ 1/3 › is the first column not chosen, 3/3 the chosen answer.
    expect(current?.versions?.map(asSent)).toEqual([asSent(echo), asSent(slow)]);
    expect(store.listConversations()[0]).toMatchObject({ id, messageCount: 2 });
    expect(ok(db)).toBe('ok');
  });

  it('continues an existing conversation with the chosen model; every answer is searchable, as every branch is', () => {
    const { id } = store.createConversation(conversationInput('Birds'));
    const first = store.addUserMessage(id, { content: 'Hello', model: 'model-a', params: {} });
    const writer = store.startAnswer(id, { model: 'model-a', params: {} });
    writer.append({ content: 'Hi there.' });
    writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 10, durationMs: 20 });
    clock.advance(5_000);

    store.saveComparison(comparison({ conversationId: id, chosen: echo, others: [reasoning, slow] }));

    const conversation = store.getConversation(id);
    expect(conversation).toMatchObject({ title: 'Birds', model: 'fake/echo', systemPrompt: 'Be brief.', updatedAt: clock.now() });
    expect(conversation?.messages.map((message) => [message.role, message.content, message.versions?.length ?? 0])).toEqual([
      ['user', 'Hello', 0],
      ['assistant', 'Hi there.', 0],
      ['user', 'Name a bird', 0],
      ['assistant', 'You said: name a bird', 2],
    ]);
    expect(conversation?.messages[0]?.id).toBe(first.id);
    // The others are hidden versions; a hit on one opens its branch (history:showBranch).
    expect(store.search('heron')).toHaveLength(1);
    expect(store.search('said').map((hit) => hit.messageId)).toEqual([echo.id]);
    checkSearchIndex(db);
  });

  it('keeps a failed answer with its error and the text it had', () => {
    const id = crypto.randomUUID();
    const failed = answer({ model: 'fake/drop', content: 'Half an', status: 'error', error: { code: 'dropped', message: 'The connection dropped.' }, usage: null, finishReason: null });
    store.saveComparison(comparison({ conversationId: id, create: { endpoint: '' }, chosen: echo, others: [failed] }));
    expect(store.getConversation(id)?.messages[1]?.versions?.[0]).toMatchObject(asSent(failed));
  });

  it('saves all of it or nothing: a clashing answer id leaves the history as it was', () => {
    const { id } = store.createConversation(conversationInput());
    store.addUserMessage(id, { id: echo.id, content: 'An id the comparison reuses', model: 'model-a', params: {} });
    const before = store.getConversation(id);
    const newId = crypto.randomUUID();

    expect(() => store.saveComparison(comparison({ conversationId: newId, create: { endpoint: '' } }))).toThrow();
    expect(store.getConversation(newId)).toBeNull();
    expect(() => store.saveComparison(comparison({ conversationId: id }))).toThrow();
    expect(store.getConversation(id)).toEqual(before);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(1);
  });

  it('refuses a conversation that is gone, in a sentence, unless asked to create it', () => {
    const { id } = store.createConversation(conversationInput());
    store.deleteConversation(id);
    expect(() => store.saveComparison(comparison({ conversationId: id }))).toThrow('This conversation no longer exists');
    expect(() => store.saveComparison(comparison({ conversationId: crypto.randomUUID() }))).toThrow('This conversation no longer exists');
  });
});
