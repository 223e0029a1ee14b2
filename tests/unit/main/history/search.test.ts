import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../main/history/database';
import type { HistoryStore } from '../../../../main/history/historyStore';
import type { SearchResult } from '../../../../main/history/types';
import type { ToolCallRecord } from '../../../../shared/ipc';
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

let calls = 0;
/** A finished tool call of `tool` with these arguments and result. */
function toolCall(tool: string, args: string, resultText: string | null): ToolCallRecord {
  calls++;
  return {
    id: `call-${calls}`, round: 1, contentOffset: 0, serverId: 'server-1', serverName: 'Files', tool, arguments: args,
    status: 'complete', decision: 'once', resultText, resultImages: [], error: null, startedAt: 1, durationMs: 2,
  };
}

const DONE = { status: 'complete' as const, usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2 };

/** A conversation whose answer made tool calls; each is written as the chat does: running first, its result later. */
function chatWithTools(title: string, question: string, answer: string, made: ToolCallRecord[]): { id: string; questionId: string; answerId: string } {
  clock.advance(1000);
  const { id } = store.createConversation(conversationInput(title));
  const questionId = store.addUserMessage(id, { content: question, model: 'm', params: {} }).id;
  const writer = store.startAnswer(id, { model: 'm', params: {} });
  for (const call of made) {
    writer.recordToolCall({ ...call, status: 'running', resultText: null, durationMs: null });
    writer.recordToolCall(call);
  }
  writer.append({ content: answer });
  return { id, questionId, answerId: writer.finish(DONE).id };
}

const toolRows = (): number => db.prepare('SELECT count(*) FROM tool_calls_fts').pluck().get() as number;

const matched = (result: SearchResult | undefined): string[] => (result?.snippet ?? []).filter((segment) => segment.match).map((segment) => segment.text);
const plain = (result: SearchResult | undefined): string => (result?.snippet ?? []).map((segment) => segment.text).join('');

describe('search', () => {
  it('finds words in titles and in messages, one result per conversation, and says which message', () => {
    const trip = chat('Trip to Lisbon', 'Where should I eat?', 'Try the pastéis de nata in Belém.');
    const results = store.search('lisbon');
    expect(results).toEqual([
      { conversationId: trip.id, messageId: null, title: 'Trip to Lisbon', role: null, snippet: [], matchCount: 0, moreMatches: false, date: clock.now() },
    ]);

    const [hit] = store.search('nata');
    expect(hit).toMatchObject({ conversationId: trip.id, messageId: trip.answerId, title: 'Trip to Lisbon', role: 'assistant', matchCount: 1 });
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
    // Two characters: the short-word index. Title and question match: one result, at the question.
    expect(store.search('東京')).toEqual([expect.objectContaining({ conversationId: tokyo.id, messageId: tokyo.questionId, matchCount: 1 })]);
    expect(matched(store.search('東')[0])).toEqual(['東']);
    expect(store.search('晴れ').map((result) => result.messageId)).toEqual([tokyo.answerId]);
    expect(matched(store.search('🌞')[0])).toEqual(['🌞']);
    expect(matched(store.search('بالعالم')[0])).toEqual(['بالعالم']);
  });

  it('finds nothing for one or two CJK characters no message holds, even where each character is there apart', () => {
    const kyoto = chat('京都旅行', '東京から京都へ', '京都は晴れ');
    expect(store.search('鑫')).toEqual([]);
    expect(store.search('龘鑫')).toEqual([]);
    // Both characters are in the history, never one after the other in this order.
    expect(store.search('都京')).toEqual([]);
    expect(store.search('晴東')).toEqual([]);
    expect(store.search('京都').map((result) => result.conversationId)).toEqual([kyoto.id]);
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

  it('ranks conversations named for the words first, then those with more matching messages, then the most recent', () => {
    const older = chat('a', 'kiwi?', 'kiwi fruit');
    const newer = chat('b', 'q', 'kiwi fruit');
    const named = chat('All about kiwi', 'q', 'an answer without the word');
    const newest = chat('c', 'q', 'kiwi kiwi kiwi');
    expect(store.search('kiwi').map((result) => [result.conversationId, result.matchCount])).toEqual([
      [named.id, 0],
      [older.id, 2],
      [newest.id, 1],
      [newer.id, 1],
    ]);
    expect(store.search('kiwi', { limit: 2 })).toHaveLength(2);
  });

  it('takes the snippet from the message with the most occurrences, and dates the result by it', () => {
    const { id, questionId } = chat('Fruit', 'Tell me about kiwi. Is kiwi sweet? Kiwi!', 'Kiwi is tart.');
    const [hit] = store.search('kiwi');
    expect(hit).toMatchObject({ conversationId: id, messageId: questionId, matchCount: 2, date: store.getConversation(id)?.messages[0]?.createdAt });
    expect(matched(hit)).toEqual(['kiwi', 'kiwi', 'Kiwi']);
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

  it('shows in each result a snippet of the conversation it opens, on a history where many conversations share words', () => {
    // The shape of a real history: many chats open the same way and share a topic's words.
    const topics = ['Kubernetes pods keep restarting', 'Sourdough starter', 'Kubernetes ingress with TLS', 'Tax return deadlines', 'Rust lifetimes',
      'Kubernetes vs Docker Swarm', 'Marathon training plan', 'Python asyncio', 'Wedding speech', 'CSS grid layout', 'Learning Japanese'];
    const conversations = topics.map((topic) => {
      const conversation = chat(topic, `Tell me about ${topic.toLowerCase()}.`, `Here is what I know about ${topic.toLowerCase()}: it takes practice.`);
      const writer = store.startAnswer(conversation.id, { model: 'm', params: {} });
      writer.append({ content: topic.startsWith('Kubernetes') ? 'With kubernetes, check the kubelet logs first.' : 'Tell me more about what you tried.' });
      writer.finish({ status: 'complete', usage: null, finishReason: 'stop', error: null, firstTokenMs: 1, durationMs: 2 });
      return conversation;
    });
    for (const query of ['kubernetes', 'tell me about', 'about', 'it']) {
      const results = store.search(query);
      const words = query.split(' ');
      expect(new Set(results.map((result) => result.conversationId)).size, query).toBe(results.length);
      for (const result of results) {
        const shown = store.getConversation(result.conversationId);
        const message = shown?.messages.find((candidate) => candidate.id === result.messageId);
        expect(message, `${query}: the message a result opens is in its conversation`).toBeDefined();
        for (const piece of plain(result).split('…').filter(Boolean)) expect(message?.content, query).toContain(piece);
        const matching = shown?.messages.filter((candidate) => words.every((word) => candidate.content.toLowerCase().includes(word))) ?? [];
        expect(result.matchCount, `${query} in ${result.title}`).toBe(matching.length);
        expect(result.moreMatches).toBe(false);
      }
    }
    expect(store.search('kubernetes')).toHaveLength(3);
    expect(store.search('tell me about')).toHaveLength(conversations.length);
  });

  it('looks at the newest matches of a common word and says when a count is only a lower bound', () => {
    const long = store.createConversation(conversationInput('A long chat'));
    db.transaction(() => {
      for (let n = 0; n < 2_500; n++) store.addUserMessage(long.id, { content: `${n}: another line of this chat, the word is common here.`, model: 'm', params: {} });
    })();
    const short = Array.from({ length: 60 }, (_, n) => chat(`Short ${n}`, 'is this common?', 'yes'));
    const results = store.search('common');
    expect(results).toHaveLength(50);
    const first = results.find((result) => result.conversationId === long.id);
    expect(first?.moreMatches).toBe(true);
    expect(first?.matchCount).toBeGreaterThan(0);
    expect(first?.matchCount).toBeLessThan(2_500);
    // The newest conversations are all there, each counted exactly.
    for (const { id } of short.slice(-40)) expect(results.find((result) => result.conversationId === id)).toMatchObject({ matchCount: 1, moreMatches: false });
  });

  it('matches words of one or two characters next to longer ones, through the index and the text', () => {
    const csharp = chat('Async in C#', 'How do I use async in c#?', 'Use async Task methods and await them.');
    chat('Async in Rust', 'How do I use async in Rust?', 'Use async fn and an executor.');
    chat('東京の天気', '東京 weather today?', '晴れ 🌞');
    expect(store.search('c# async').map((result) => [result.conversationId, result.messageId])).toEqual([[csharp.id, csharp.questionId]]);
    expect(matched(store.search('async c#')[0])).toEqual(['async', 'c#']);
    expect(store.search('東京 weather').map((result) => result.title)).toEqual(['東京の天気']);
    expect(store.search('🌞 晴れ')).toHaveLength(1);
    expect(store.search('🌞 rain')).toEqual([]);
  });

  describe('in tool calls', () => {
    it('finds a word of a tool result and opens the answer that holds the call, with a snippet from the result', () => {
      const notes = chatWithTools('Notes', 'What is in my notes?', 'Your notes are about birds.', [
        toolCall('read_text_file', '{"path": "/home/me/notes.txt"}', 'Buy seeds for the cormorants on Tuesday.'),
      ]);
      chat('Other', 'q', 'Nothing about seabirds here.');
      const [hit, ...others] = store.search('cormorant');
      expect(others).toEqual([]);
      expect(hit).toMatchObject({ conversationId: notes.id, messageId: notes.answerId, role: 'assistant', matchCount: 1 });
      expect(plain(hit)).toBe('read_text_file: Buy seeds for the cormorants on Tuesday.');
      expect(matched(hit)).toEqual(['cormorant']);
      // The answer the hit opens holds the call.
      const opened = store.getConversation(notes.id)?.messages.find((message) => message.id === hit?.messageId);
      expect(opened?.toolCalls?.map((call) => call.resultText)).toEqual(['Buy seeds for the cormorants on Tuesday.']);
      checkSearchIndex(db);
    });

    it('finds words of the arguments, short words too, and counts a message once whether its text, its calls or both match', () => {
      const trip = chatWithTools('Trip', 'Find the Porto train times', 'The Porto train leaves at 9.', [
        toolCall('search_web', '{"query": "Porto 東京 timetable"}', 'Trains every hour.'),
        toolCall('search_web', '{"query": "Lisbon"}', null),
      ]);
      expect(store.search('timetable').map((hit) => [hit.messageId, plain(hit)])).toEqual([[trip.answerId, 'search_web: {"query": "Porto 東京 timetable"}']]);
      expect(store.search('東京').map((hit) => hit.messageId)).toEqual([trip.answerId]);
      expect(store.search('東 timetable').map((hit) => hit.messageId)).toEqual([trip.answerId]);
      expect(store.search('lisbon').map((hit) => hit.matchCount)).toEqual([1]);
      // The question, and the answer in its text and its calls: two messages.
      expect(store.search('porto').map((hit) => hit.matchCount)).toEqual([2]);
      expect(store.search('mars')).toEqual([]);
    });

    it('finds calls once their answer ends, keeps them with a regenerated version, and loses them with a deleted answer or conversation', () => {
      clock.advance(1000);
      const { id } = store.createConversation(conversationInput('Weather'));
      const writer = store.startAnswer(id, { model: 'm', params: {} });
      writer.recordToolCall(toolCall('forecast', '{"city": "Reykjavik"}', 'Sleet and gales.'));
      expect(store.search('gales')).toEqual([]);
      writer.finish(DONE);
      expect(store.search('gales').map((hit) => hit.messageId)).toEqual([writer.message.id]);
      checkSearchIndex(db);
      // A result written after its answer ended replaces the old one in the index.
      db.prepare("UPDATE tool_calls SET result_text = 'Clear skies.' WHERE message_id = ?").run(writer.message.id);
      expect(store.search('gales')).toEqual([]);
      expect(store.search('clear skies').map((hit) => hit.messageId)).toEqual([writer.message.id]);
      db.prepare("UPDATE tool_calls SET result_text = 'Sleet and gales.' WHERE message_id = ?").run(writer.message.id);
      checkSearchIndex(db);

      // A continuation streams again: found again when it ends, once.
      const continued = store.continueAnswer(id, writer.message.id);
      continued.finish(DONE);
      expect(store.search('gales').map((hit) => hit.matchCount)).toEqual([1]);

      const regenerated = store.regenerateAnswer(id, writer.message.id, { model: 'm', params: {} });
      regenerated.append({ content: 'It will be cold.' });
      regenerated.finish(DONE);
      // The regenerated answer is a hidden version now, with its calls: still found, opening its branch.
      expect(store.search('gales').map((hit) => hit.messageId)).toEqual([writer.message.id]);
      store.deleteMessage(id, writer.message.id);
      expect(store.search('gales')).toEqual([]);
      checkSearchIndex(db);

      const kept = chatWithTools('Kept', 'q', 'a', [toolCall('forecast', '{"city": "Oslo"}', 'Snow.')]);
      const gone = chatWithTools('Gone', 'q', 'a', [toolCall('forecast', '{"city": "Oslo"}', 'Snow again.')]);
      expect(store.search('oslo')).toHaveLength(2);
      store.deleteMessage(kept.id, kept.answerId);
      store.deleteConversation(gone.id);
      expect(store.search('oslo')).toEqual([]);
      store.purgeDeleted(-1);
      expect(toolRows()).toBe(0);
      checkSearchIndex(db);
    });

    it('finds the calls of an answer a crash left streaming once it is recovered', () => {
      const { id } = store.createConversation(conversationInput('Crash'));
      const writer = store.startAnswer(id, { model: 'm', params: {} });
      writer.recordToolCall(toolCall('read_text_file', '{"path": "/tmp/axolotl.txt"}', null));
      expect(store.search('axolotl')).toEqual([]);
      expect(store.recoverInterrupted()).toBe(1);
      expect(store.search('axolotl').map((hit) => hit.messageId)).toEqual([writer.message.id]);
      checkSearchIndex(db);
    });

    it('finds imported calls', () => {
      const source = chatWithTools('Exported', 'q', 'a', [toolCall('fetch', '{"url": "https://example.com/quokka"}', 'Quokkas live on Rottnest.')]);
      const exported = store.exportConversation(source.id);
      if (!exported) throw new Error('not exported');
      store.deleteConversation(source.id);
      store.purgeDeleted(-1);
      expect(store.search('rottnest')).toEqual([]);
      expect(store.importConversations([exported], 'skip')).toEqual([null]);
      expect(store.search('rottnest quokka').map((hit) => hit.messageId)).toEqual([source.answerId]);
      checkSearchIndex(db);
    });

    it('shows in each result a snippet of a call of the conversation it opens, when many calls share words', () => {
      const cities = ['Paris', 'Berlin', 'Madrid', 'Rome', 'Vienna', 'Prague', 'Warsaw', 'Dublin'];
      for (const city of cities) {
        chatWithTools(city, `Weather in ${city}?`, `Here is the weather in ${city}.`, [
          toolCall('forecast', `{"city": "${city}"}`, `Forecast for ${city}: mild, light wind.`),
          toolCall('forecast', `{"city": "${city}", "days": 3}`, `Three days in ${city}: wind, then sun.`),
        ]);
      }
      for (const query of ['forecast', 'wind', 'days', 'mild wind']) {
        const results = store.search(query);
        expect(results, query).toHaveLength(cities.length);
        for (const result of results) {
          const answer = store.getConversation(result.conversationId)?.messages.find((message) => message.id === result.messageId);
          const texts = (answer?.toolCalls ?? []).flatMap((call) => [call.arguments, call.resultText ?? '']);
          const [tool, ...rest] = plain(result).split(': ');
          expect(tool, query).toBe('forecast');
          expect(texts.some((text) => rest.join(': ').split('…').every((piece) => text.includes(piece))), `${query} in ${result.title}`).toBe(true);
          expect(plain(result), query).toContain(result.title);
          expect(result.matchCount, query).toBe(1);
        }
      }
    });
  });
});
