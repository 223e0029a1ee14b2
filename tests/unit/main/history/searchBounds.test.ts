import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import { noWork, type SearchWork } from '../../../../main/history/search';
import { containsAll, fold, searchWords } from '../../../../shared/searchText';
import { DONE, useFreshStore, type OpenedTestStore } from './support/openStore';
import { conversationInput } from './support/tempHistory';

let clock: OpenedTestStore['clock'];
let store: HistoryStore;
let db: Db;
useFreshStore((opened) => ({ store, db, clock } = opened));

/** One query of each class the bench measures, and one of a short and a long word, which the index alone cannot decide. */
const QUERIES = ['the', 'memory cache', 'quetzalcoatlus', 'zzyzx', 'привет', 'creme brulee', '東', '東京', '東京都', '鑫', '🚀', '東 the'];

/** What conversation `n` says: every message has `the`, the other classes' words in some conversations only. */
function text(n: number, round: number, role: string): string {
  const words = [`${role} ${round} of chat ${n}: the answer`];
  if (n % 3 === 0) words.push('memory and cache');
  if (n === 7 && round === 0 && role === 'answer') words.push('quetzalcoatlus');
  if (n % 4 === round) words.push('привет мир');
  if (n % 5 === 0) words.push('une crème brûlée');
  if (n % 2 === 0) words.push('東京都の天気は');
  if (n % 7 === 0) words.push('launch 🚀');
  return words.join(', ');
}

/**
 * `count` conversations, each of two questions and answers, written in two rounds as people do
 * with chats open side by side: every conversation's messages are far apart, among the others'.
 * Every tenth is named for several words; every third answer calls a tool whose result holds them too, and `東` always.
 */
function writeHistory(count: number): void {
  const ids = Array.from({ length: count }, (_, n) => store.createConversation(conversationInput(n % 10 === 0 ? `The 東京 trip ${n} 🚀` : `Chat ${n}`)).id);
  db.transaction(() => {
    for (const round of [0, 1]) {
      for (const [n, id] of ids.entries()) {
        clock.advance(1000);
        store.addUserMessage(id, { content: text(n, round, 'question'), model: 'm', params: {} });
        const writer = store.startAnswer(id, { model: 'm', params: {} });
        if (n % 3 === round) {
          writer.recordToolCall({
            id: `call-${n}-${round}`, round: 1, contentOffset: 0, serverId: 's', serverName: 'Files', tool: 'read_file', arguments: '{"path": "notes.txt"}',
            status: 'complete', decision: 'once', resultText: `${text(n, round, 'notes')}, from 東京`, resultImages: [], error: null, startedAt: 1, durationMs: 2,
          });
        }
        writer.append({ content: text(n, round, 'answer') });
        writer.finish(DONE);
      }
    }
  })();
}

interface Expected {
  conversationId: string;
  matchCount: number;
}

/**
 * What a person should see, from reading every message: conversations named for the words first,
 * then those with more matching messages (in their text or their tool calls), then the newest match.
 */
function readEverything(query: string): Expected[] {
  const words = searchWords(query);
  const conversations = db.prepare('SELECT id, title, seq FROM conversations WHERE deleted_at IS NULL').all() as { id: string; title: string; seq: number }[];
  const messages = db.prepare(`
    SELECT m.seq, m.conversation_id AS conversationId, m.content, (SELECT group_concat(coalesce(result_text, '') || ' ' || arguments) FROM tool_calls WHERE message_id = m.id) AS tools
    FROM messages AS m`).all() as { seq: number; conversationId: string; content: string; tools: string | null }[];
  const ranked = conversations.map((conversation) => {
    const matching = messages.filter((message) => message.conversationId === conversation.id && (containsAll(fold(message.content), words) || containsAll(fold(message.tools ?? ''), words)));
    return { conversationId: conversation.id, named: containsAll(fold(conversation.title), words), matchCount: matching.length, newest: Math.max(0, ...matching.map((message) => message.seq)), seq: conversation.seq };
  });
  return ranked
    .filter((conversation) => conversation.named || conversation.matchCount > 0)
    .sort((a, b) => Number(b.named) - Number(a.named) || b.matchCount - a.matchCount || b.newest - a.newest || b.seq - a.seq)
    .slice(0, 50)
    .map(({ conversationId, matchCount }) => ({ conversationId, matchCount }));
}

describe('search at scale', () => {
  it('shows, for every kind of query, the conversations reading every message would, in its order, each with its count and a snippet of the words', () => {
    writeHistory(120);
    for (const query of QUERIES) {
      const work = noWork();
      const results = store.search(query, { work });
      // A word in most messages fills the window of newest matches: the counts shown were completed past it.
      if (['the', '東'].includes(query)) expect(work.counted, query).toBeGreaterThan(0);
      expect(
        results.map(({ conversationId, matchCount }) => ({ conversationId, matchCount })),
        query,
      ).toEqual(readEverything(query));
      const words = searchWords(query);
      for (const result of results) {
        expect(result.moreMatches, query).toBe(false);
        if (result.matchCount === 0) continue;
        // The snippet marks the words, in the message the row opens, of the conversation it names.
        expect(result.snippet.filter((segment) => segment.match).map((segment) => fold(segment.text)).sort(), query).toEqual(expect.arrayContaining([...words].sort()));
        const opened = store.getConversation(result.conversationId)?.messages.find((message) => message.id === result.messageId);
        expect(opened, query).toBeDefined();
      }
    }
  });

  it('reads about as much for a history twice as long: candidates up to the conversations shown, counts and snippets within their budgets', () => {
    writeHistory(120);
    const before = new Map(QUERIES.map((query) => [query, workOf(query)]));
    writeHistory(120);
    for (const query of QUERIES) {
      const [was, now] = [before.get(query) ?? noWork(), workOf(query)];
      // A word in every message: the newest 200 matches (WINDOW) across 50 conversations, and titles.
      expect(now.candidates, query).toBeLessThanOrEqual(Math.max(2 * was.candidates, 400));
      // Completing counts reads index entries only; a span of chats written side by side holds the others' messages too.
      expect(now.counted, query).toBeLessThanOrEqual(Math.max(3 * was.counted, 1_500));
      // Each row shown reads at most its three newest matches to choose its snippet from, and a few counts read texts.
      expect(now.texts, query).toBeLessThanOrEqual(Math.max(2 * was.texts, 3 * 50));
    }
    // The common word: the window and the titles, not the 960 messages that hold it.
    expect(workOf('the').candidates).toBeLessThan(300);
  });
});

function workOf(query: string): SearchWork {
  const work = noWork();
  store.search(query, { work });
  return work;
}
