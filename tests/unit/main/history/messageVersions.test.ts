import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../main/appFailure';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { DONE, useFreshStore, type OpenedTestStore } from './support/openStore';
import { checkSearchIndex, conversationInput, ok } from './support/tempHistory';

let clock: OpenedTestStore['clock'];
let store: HistoryStore;
let db: Db;
useFreshStore((opened) => ({ store, db, clock } = opened));

/** A conversation with one question and its answer, from `model-a`. */
function exchange(question = 'Name a bird', answer = 'A pelican.') {
  const { id } = store.createConversation(conversationInput());
  const user = store.addUserMessage(id, { content: question, model: 'model-a', params: {} });
  const writer = store.startAnswer(id, { model: 'model-a', params: { temperature: 0.2 } });
  writer.append({ content: answer, reasoning: 'Birds…' });
  return { id, user, answer: writer.finish(DONE) };
}

function answerWith(writer: ReturnType<HistoryStore['regenerateAnswer']>, content: string) {
  writer.append({ content });
  clock.advance(1000);
  return writer.finish(DONE);
}

const versionRows = () => db.prepare('SELECT count(*) FROM message_versions').pluck().get();

describe('message versions', () => {
  it('regenerating keeps the old answer, whole, as a version and puts the new one in its place', () => {
    const { id, user, answer: first } = exchange();
    clock.advance(1000);
    const writer = store.regenerateAnswer(id, first.id, { id: crypto.randomUUID(), model: 'model-b', params: {} });
    // While it streams, the conversation shows the new answer where the old one was.
    expect(store.getConversation(id)?.messages.map((m) => [m.id, m.status, m.versions?.length ?? 0])).toEqual([
      [user.id, 'complete', 0],
      [writer.message.id, 'streaming', 1],
    ]);
    const second = answerWith(writer, 'A heron.');
    const third = answerWith(store.regenerateAnswer(id, second.id, { model: 'model-c', params: {} }), 'A stork.');

    const [question, current] = store.getConversation(id)?.messages ?? [];
    expect(question).toEqual(user);
    expect(current).toMatchObject({ id: third.id, content: 'A stork.', model: 'model-c' });
    // Oldest first, each with the id, text, reasoning, model, parameters and usage it had.
    expect(current?.versions).toEqual([first, second]);
    expect(store.search('pelican')).toEqual([]);
    expect(store.search('stork').map((hit) => hit.messageId)).toEqual([third.id]);
    checkSearchIndex(db);
  });

  it('editing a question keeps its earlier text as a version, in place', () => {
    const { id, user, answer } = exchange();
    clock.advance(1000);
    const edited = store.editUserMessage(id, user.id, { content: 'Name a sea bird', model: 'model-b', params: {} });
    expect(edited).toMatchObject({ id: user.id, content: 'Name a sea bird', model: 'model-b', createdAt: clock.now() });

    const messages = store.getConversation(id)?.messages ?? [];
    expect(messages.map((m) => m.id)).toEqual([user.id, answer.id]);
    expect(messages[0]?.versions).toEqual([{ ...user, id: expect.any(String) }]);
    expect(messages[0]?.versions?.[0]?.id).not.toBe(user.id);
    expect(store.search('sea bird').map((hit) => hit.messageId)).toEqual([user.id]);
    checkSearchIndex(db);
  });

  it('refuses to replace a message that is still streaming, missing, or of the other role', () => {
    const { id, user, answer } = exchange();
    const streaming = store.startAnswer(id, { model: 'model-a', params: {} });
    expect(() => store.regenerateAnswer(id, streaming.message.id, { model: 'm', params: {} })).toThrow(/still being written/);
    expect(() => store.regenerateAnswer(id, user.id, { model: 'm', params: {} })).toThrow(AppFailure);
    expect(() => store.editUserMessage(id, answer.id, { content: 'x', model: 'm', params: {} })).toThrow(AppFailure);
    expect(() => store.regenerateAnswer(id, crypto.randomUUID(), { model: 'm', params: {} })).toThrow(AppFailure);
    expect(versionRows()).toBe(0);
    expect(store.getConversation(id)?.messages).toHaveLength(3);
  });

  it('deleting a message deletes its versions, and a deleted conversation takes them along when purged', () => {
    const { id, answer } = exchange();
    const current = answerWith(store.regenerateAnswer(id, answer.id, { model: 'model-b', params: {} }), 'A heron.');
    expect(versionRows()).toBe(1);
    expect(store.deleteMessage(id, current.id)).toBe(true);
    expect(store.deleteMessage(id, current.id)).toBe(false);
    expect(versionRows()).toBe(0);

    const other = exchange();
    answerWith(store.regenerateAnswer(other.id, other.answer.id, { model: 'model-b', params: {} }), 'A heron.');
    store.deleteConversation(other.id);
    clock.advance(10_000);
    store.purgeDeleted(1_000);
    expect(versionRows()).toBe(0);
    expect(ok(db)).toBe('ok');
  });
});
