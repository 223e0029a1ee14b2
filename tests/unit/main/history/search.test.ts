import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import type { SearchResult } from '../../../../main/history/types';
import { useFreshStore, type OpenedTestStore } from './support/openStore';
import { checkSearchIndex, conversationInput } from './support/tempHistory';

let clock: OpenedTestStore['clock'];
let store: HistoryStore;
let db: Db;
useFreshStore((opened) => ({ store, db, clock } = opened));

/** A conversation with one user message and one finished answer. */
function chat(title: string, question: string, answer: string): { id: string; questionId: string; answerId: string } {
  clock.advance(1000);
  const { id } = store.createConversation(conversationInput(title));
  const questionId = store.addUserMessage(id, { content: question, model: 'm', params: {} }).id;
  const writer = store.startAnswer(id, { model: 'm', params: {} });
  writer.append({ content: answer });
  const answerId = writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2 }).id;
  return { id, questionId, answerId };
}

const matched = (result: SearchResult | undefined): string[] => (result?.snippet ?? []).filter((segment) => segment.match).map((segment) => segment.text);
const plain = (result: SearchResult | undefined): string => (result?.snippet ?? []).map((segment) => segment.text).join('');

describe('search', () => {
  it('finds words in titles and in messages, and says which message', () => {
    const trip = chat('Trip to Lisbon', 'Where should I eat?', 'Try the pastéis de nata in Belém.');
    const results = store.search('lisbon');
    expect(results).toEqual([{ conversationId: trip.id, messageId: null, title: 'Trip to Lisbon', role: null, snippet: [{ text: 'Trip to ', match: false }, { text: 'Lisbon', match: true }] }]);

    const [hit] = store.search('nata');
    expect(hit).toMatchObject({ conversationId: trip.id, messageId: trip.answerId, title: 'Trip to Lisbon', role: 'assistant' });
    expect(matched(hit)).toEqual(['nata']);
    expect(plain(hit)).toBe('Try the pastéis de nata in Belém.');
  });

  it('matches every word of a query, in any order, as substrings, ignoring case and accents', () => {
    const { answerId } = chat('Cooking', 'How do I make crème brûlée?', 'Caramelise the sugar with a torch.');
    chat('Other', 'Sugar in coffee?', 'No torch needed.');
    expect(store.search('TORCH sugar').map((result) => result.messageId)).toEqual([answerId]);
    expect(matched(store.search('creme brulee')[0])).toEqual(['crème', 'brûlée']);
    expect(store.search('caramel').map((result) => result.messageId)).toEqual([answerId]);
  });

  it('finds CJK, emoji and right-to-left text, including words shorter than three characters', () => {
    const tokyo = chat('東京旅行', '東京都の天気はどうですか', '晴れです 🌞 مرحبا بالعالم');
    expect(store.search('天気は').map((result) => result.messageId)).toEqual([tokyo.questionId]);
    expect(matched(store.search('天気')[0])).toEqual(['天気']);
    // Two characters: found by LIKE, unranked, so most recent first (the title bumped by the answer).
    expect(store.search('東京').map((result) => result.messageId)).toEqual([null, tokyo.questionId]);
    expect(store.search('晴れ').map((result) => result.messageId)).toEqual([tokyo.answerId]);
    expect(matched(store.search('🌞')[0])).toEqual(['🌞']);
    expect(matched(store.search('بالعالم')[0])).toEqual(['بالعالم']);
  });

  it('keeps the index in step with renames, edits by status, deletes and purges', () => {
    const { id, answerId } = chat('Old name', 'question', 'an answer about pelicans');
    store.updateConversation(id, { title: 'New name' });
    expect(store.search('old name')).toEqual([]);
    expect(store.search('new name')).toHaveLength(1);

    // A streaming answer is found once it ends.
    const writer = store.startAnswer(id, { model: 'm', params: {} }, { flushIntervalMs: 0 });
    writer.append({ content: 'flamingos are pink' });
    writer.finish({ status: 'stopped', usage: null, finishReason: null, error: null, firstTokenMs: 1, durationMs: 2 });
    expect(store.search('flamingo')).toHaveLength(1);

    store.deleteConversation(id);
    expect(store.search('pelicans')).toEqual([]);
    store.restoreConversation(id);
    expect(store.search('pelicans').map((result) => result.messageId)).toEqual([answerId]);
    store.deleteConversation(id);
    store.purgeDeleted(0);
    checkSearchIndex(db);
    expect(db.prepare("SELECT count(*) FROM messages_fts WHERE messages_fts MATCH '\"pelican\"'").pluck().get()).toBe(0);
  });

  it('ranks better matches first and the more recent first on ties', () => {
    const older = chat('a', 'q', 'kiwi fruit');
    const newer = chat('b', 'q', 'kiwi fruit');
    const best = chat('c', 'q', 'kiwi kiwi kiwi');
    expect(store.search('kiwi').map((result) => result.messageId)).toEqual([best.answerId, newer.answerId, older.answerId]);
    expect(store.search('kiwi', { limit: 2 })).toHaveLength(2);
  });

  it('never throws on what a user types, and an empty query finds nothing', () => {
    chat('Syntax "quoted" (title)', 'a AND b OR NOT c: NEAR(x y) ^start -minus *star', 'don\'t 100% sure_about \\ that');
    const nasty = ['"', '""', "'", '*', '-', '(', ')', 'NEAR(', 'NEAR(a b)', 'AND OR NOT', 'a AND', 'col:', 'title:x', 'content:', '^', '^start', '-minus', 'star*', '"unterminated',
      '🙂', '👨‍👩‍👧‍👦', 'שלום', 'مرحبا', '%', '_', '\\', '\u0000', '\uFDD0', 'x'.repeat(10_000), 'word '.repeat(2_000), '{ } [ ] + ~ ! @ # $ &'];
    for (const query of nasty) expect(() => store.search(query), query).not.toThrow();
    expect(store.search('')).toEqual([]);
    expect(store.search('   \n\t')).toEqual([]);
    expect(store.search('NEAR(x').map((result) => result.messageId)).toHaveLength(1);
    expect(store.search('100%').map((result) => plain(result))).toHaveLength(1);
    expect(store.search('"quoted"')).toHaveLength(1);
    expect(store.search('%')).toHaveLength(1); // a literal percent sign, not a LIKE wildcard
    expect(store.search('_')).toHaveLength(1);
  });

  it('gives snippets as plain segments without markers, even for text that contains them', () => {
    chat('t', 'q', `<b>bold</b> \uFDD0sneaky\uFDD1 ${'filler '.repeat(50)}needle ${'filler '.repeat(50)}`);
    const [hit] = store.search('needle');
    expect(matched(hit)).toEqual(['needle']);
    expect(plain(hit).length).toBeLessThan(120);
    expect(plain(hit)).toMatch(/^…/);
    for (const result of [...store.search('sneaky'), ...store.search('bold')]) {
      expect(plain(result)).not.toMatch(/[\uFDD0\uFDD1]/);
      expect(plain(result)).toContain('<b>bold</b> sneaky');
    }
  });
});
