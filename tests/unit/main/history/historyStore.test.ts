import { describe, expect, it } from 'vitest';
import { AppFailure } from '../../../../main/appFailure';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { DONE, useFreshStore, type OpenedTestStore } from './support/openStore';
import { conversationInput } from './support/tempHistory';

let clock: OpenedTestStore['clock'];
let store: HistoryStore;
let db: Db;
useFreshStore((opened) => ({ store, db, clock } = opened));

describe('conversations', () => {
  it('creates, reads and updates a conversation with its own model, prompt and parameters', () => {
    const created = store.createConversation({ title: 'Plans', model: 'model-a', systemPrompt: 'Be brief.', params: { temperature: 0.3, stop: ['\n'] } });
    expect(created).toMatchObject({ title: 'Plans', model: 'model-a', systemPrompt: 'Be brief.', params: { temperature: 0.3, stop: ['\n'] }, pinned: false, archived: false });
    expect(created.createdAt).toBe(clock.now());

    clock.advance(1000);
    const updated = store.updateConversation(created.id, { title: 'Holiday plans', params: { temperature: 1 }, pinned: true, archived: true });
    expect(updated).toMatchObject({ title: 'Holiday plans', model: 'model-a', params: { temperature: 1 }, pinned: true, archived: true });
    // Renaming or pinning does not move the conversation in the sidebar.
    expect(updated.updatedAt).toBe(created.updatedAt);
    expect(store.getConversation(created.id)).toEqual({ ...updated, messages: [] });
  });

  it('lists pinned first, then the most recently used, a page at a time, with message counts', () => {
    const ids = ['one', 'two', 'three', 'four'].map((title) => {
      clock.advance(1000);
      return store.createConversation(conversationInput(title)).id;
    });
    clock.advance(1000);
    store.addUserMessage(ids[0] as string, { content: 'hello', model: 'model-a', params: {} });
    store.updateConversation(ids[2] as string, { pinned: true });

    const titles = store.listConversations().map((summary) => `${summary.title}${summary.pinned ? ' (pinned)' : ''}:${summary.messageCount}`);
    expect(titles).toEqual(['three (pinned):0', 'one:1', 'four:0', 'two:0']);
    expect(store.listConversations({ limit: 2, offset: 2 }).map((summary) => summary.title)).toEqual(['four', 'two']);
  });

  it('lists 10,000 conversations through an index, without sorting them', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM conversations WHERE deleted_at IS NULL ORDER BY pinned DESC, updated_at DESC, seq DESC LIMIT 50`)
      .all()
      .map((row) => (row as { detail: string }).detail)
      .join('\n');
    expect(plan).toContain('conversations_recent');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('deletes softly, restores, and purges for good only what was deleted long enough ago', () => {
    const kept = store.createConversation(conversationInput('kept'));
    const old = store.createConversation(conversationInput('old'));
    const recent = store.createConversation(conversationInput('recent'));
    store.addUserMessage(old.id, { content: 'soon gone', model: 'model-a', params: {} });

    store.deleteConversation(old.id);
    clock.advance(10_000);
    store.deleteConversation(recent.id);
    expect(store.listConversations().map((summary) => summary.title)).toEqual(['kept']);
    expect(store.getConversation(old.id)).toBeNull();
    expect(store.search('soon gone')).toEqual([]);

    store.restoreConversation(recent.id);
    expect(store.listConversations().map((summary) => summary.title).sort()).toEqual(['kept', 'recent']);
    store.deleteConversation(recent.id);

    expect(store.purgeDeleted(5_000)).toBe(1);
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0); // cascaded
    store.restoreConversation(recent.id);
    store.restoreConversation(old.id);
    expect(store.listConversations().map((summary) => summary.id).sort()).toEqual([kept.id, recent.id].sort());
  });

  it('refuses to write into a conversation that does not exist or is deleted', () => {
    const gone = store.createConversation(conversationInput());
    store.deleteConversation(gone.id);
    for (const id of ['no-such-id', gone.id]) {
      expect(() => store.addUserMessage(id, { content: 'x', model: 'm', params: {} })).toThrow(AppFailure);
      expect(() => store.startAnswer(id, { model: 'm', params: {} })).toThrow(AppFailure);
      expect(() => store.updateConversation(id, { title: 'x' })).toThrow(AppFailure);
    }
    expect(db.prepare('SELECT count(*) FROM messages').pluck().get()).toBe(0);
  });
});

describe('messages', () => {
  it('keeps messages in order with their model, parameters, usage and timings, and bumps the conversation', () => {
    const { id, updatedAt } = store.createConversation(conversationInput());
    clock.advance(5000);
    const question = store.addUserMessage(id, { content: 'Why is the sky blue?', model: 'model-b', params: { temperature: 0.7 } });
    expect(question).toMatchObject({ role: 'user', status: 'complete', model: 'model-b', params: { temperature: 0.7 }, usage: null });
    expect(store.getConversation(id)?.updatedAt).toBe(updatedAt + 5000);

    clock.advance(5000);
    const writer = store.startAnswer(id, { model: 'model-b', params: { temperature: 0.7 } });
    expect(writer.message).toMatchObject({ role: 'assistant', status: 'streaming', content: '' });
    writer.append({ reasoning: 'Rayleigh… ' });
    writer.append({ content: 'Because of ' });
    writer.append({ content: 'Rayleigh scattering.' });
    clock.advance(900);
    const answer = writer.finish(DONE);
    expect(answer).toMatchObject({
      content: 'Because of Rayleigh scattering.',
      reasoning: 'Rayleigh… ',
      status: 'complete',
      usage: { promptTokens: 5, completionTokens: 7, totalTokens: 12 },
      finishReason: 'stop',
      firstTokenMs: 120,
      durationMs: 900,
      error: null,
    });

    const conversation = store.getConversation(id);
    expect(conversation?.messages.map((message) => message.id)).toEqual([question.id, answer.id]);
    expect(conversation?.messages[1]).toEqual(answer);
    expect(conversation?.updatedAt).toBe(updatedAt + 10_900);
  });

  it('keeps the text of a stopped or failed answer with its error', () => {
    const { id } = store.createConversation(conversationInput());
    const stopped = store.startAnswer(id, { model: 'm', params: {} });
    stopped.append({ content: 'Half an ans' });
    expect(stopped.finish({ ...DONE, status: 'stopped', finishReason: null, usage: null })).toMatchObject({ status: 'stopped', content: 'Half an ans', usage: null });

    const failed = store.startAnswer(id, { model: 'm', params: {} });
    failed.append({ content: 'Dropped mid-' });
    const error = { code: 'dropped', message: 'The connection dropped mid-answer.' } as const;
    expect(failed.finish({ ...DONE, status: 'error', error })).toMatchObject({ status: 'error', content: 'Dropped mid-', error });
    expect(() => failed.append({ content: 'late' })).toThrow(/already finished/);
  });

  it('recovers answers left streaming as interrupted, with their text', () => {
    const { id } = store.createConversation(conversationInput());
    const writer = store.startAnswer(id, { model: 'm', params: {} }, { timers: { setTimeout: (callback) => callback(), clearTimeout: () => undefined } });
    writer.append({ content: 'Text saved before the crash' });
    expect(store.recoverInterrupted()).toBe(1);
    expect(store.getConversation(id)?.messages[0]).toMatchObject({ status: 'interrupted', content: 'Text saved before the crash' });
    expect(store.recoverInterrupted()).toBe(0);
    // Once it stops streaming, the answer can be found.
    expect(store.search('before the crash')).toHaveLength(1);
  });
});
